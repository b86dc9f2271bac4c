package main

import (
	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

// processor returns the process's one JSON-LD processor, the pipeline's: it
// holds the parsed schema.org context, which is worth parsing only once.
func processor() *ld.Processor { return pipeline.Processor() }
