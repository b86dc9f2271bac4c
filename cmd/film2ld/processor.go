package main

import (
	"sync"

	"github.com/film2ld/film2ld/ld"
)

// processor returns the process's one JSON-LD processor: it holds the parsed
// schema.org context, which is worth parsing only once.
var processor = sync.OnceValue(func() *ld.Processor {
	return ld.NewProcessor(ld.Config{})
})
