package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/film2ld/film2ld/schemas"
)

// ruleFilter decides which findings validate reports, from --enable and
// --disable. A pattern is a rule id or a prefix of ids ending at a dot
// boundary ("google", "google.review"). Rules whose findings mean nothing
// was checked are always kept.
type ruleFilter struct {
	enable, disable []string
}

func newRuleFilter(enable, disable []string) (*ruleFilter, error) {
	f := &ruleFilter{}
	for _, set := range []struct {
		flag string
		in   []string
		out  *[]string
	}{{"--enable", enable, &f.enable}, {"--disable", disable, &f.disable}} {
		for _, p := range set.in {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			matched := false
			for _, r := range schemas.Rules() {
				if matches(p, r.ID) {
					matched = true
					if set.flag == "--disable" && r.Unchecked {
						return nil, fmt.Errorf("--disable %s: rule %s cannot be disabled: its finding means part of a file was not checked", p, r.ID)
					}
				}
			}
			if !matched {
				return nil, fmt.Errorf("%s: no rule %q (run 'film2ld validate --rules' for the list)", set.flag, p)
			}
			*set.out = append(*set.out, p)
		}
	}
	return f, nil
}

// matches reports whether a pattern names a rule: the id itself, or a
// prefix ending where a dot follows.
func matches(pattern, id string) bool {
	return id == pattern || strings.HasPrefix(id, pattern+".")
}

// keep reports whether findings of a rule are reported.
func (f *ruleFilter) keep(id string) bool {
	if r, ok := schemas.LookupRule(id); ok && r.Unchecked {
		return true
	}
	if len(f.enable) > 0 && !slices.ContainsFunc(f.enable, func(p string) bool { return matches(p, id) }) {
		return false
	}
	return !slices.ContainsFunc(f.disable, func(p string) bool { return matches(p, id) })
}

// printRules writes the rule list of --rules.
func printRules(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tWHAT IT CHECKS\tSOURCE")
	for _, r := range schemas.Rules() {
		sev := string(r.Severity)
		if r.Unchecked {
			sev += "*"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, sev, r.Summary, r.Source)
	}
	tw.Flush()
	fmt.Fprintln(w, "\n* always on: the finding means part of a file was not checked, so neither --disable nor a baseline hides it.")
}

// baselineEntry identifies a finding across runs: its file, rule, node,
// property and message, but not its line, so that editing a page above a
// known finding does not make it new.
type baselineEntry struct {
	File     string `json:"file"`
	Rule     string `json:"rule"`
	Node     string `json:"node"`
	Property string `json:"property,omitempty"`
	Message  string `json:"message"`
}

// baselineFile is the form --write-baseline writes.
type baselineFile struct {
	Tool     string          `json:"tool"`
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

func entryOf(f schemas.Finding, names *baselineNamer) baselineEntry {
	return baselineEntry{File: names.name(f.Pos.File), Rule: f.Rule, Node: f.Node, Property: f.Property, Message: f.Message}
}

// baselineNamer gives the name a baseline in one folder keeps a file by:
// its path from that folder, cleaned, with forward slashes, so that a
// baseline matches however the files are named on the next run
// (./pub/p.html, /abs/pub/p.html, "." run from inside pub/). Matched as
// typed, a baseline written from pub/p.html failed ./pub/p.html (audit
// 20, F7). The documents of one film ("a.txt, b.txt") are each named so;
// <stdin> and other names of no file stay as they are. The working and
// the baseline's folders are made absolute once, and each name once: a
// report of 200,000 findings asked the system for the working folder
// four times a finding.
type baselineNamer struct {
	cwd, dir string // absolute
	memo     map[string]string
}

// newBaselineNamer names files from the folder dir.
func newBaselineNamer(dir string) *baselineNamer {
	cwd, _ := os.Getwd()
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(cwd, dir)
	}
	return &baselineNamer{cwd: cwd, dir: dir, memo: map[string]string{}}
}

// name returns file's name in the baseline.
func (n *baselineNamer) name(file string) string {
	if named, ok := n.memo[file]; ok {
		return named
	}
	parts := strings.Split(file, ", ")
	for i, p := range parts {
		if p == "" || strings.HasPrefix(p, "<") {
			continue
		}
		abs := p
		if !filepath.IsAbs(p) {
			abs = filepath.Join(n.cwd, p)
		}
		if rel, err := filepath.Rel(n.dir, abs); err == nil {
			parts[i] = filepath.ToSlash(rel)
		}
	}
	named := strings.Join(parts, ", ")
	n.memo[file] = named
	return named
}

// stored returns a name read from the baseline as name would have
// written it: a relative path is one from the folder already, and only
// cleaned; an absolute one is made relative.
func (n *baselineNamer) stored(file string) string {
	parts := strings.Split(file, ", ")
	for i, p := range parts {
		switch {
		case p == "" || strings.HasPrefix(p, "<"):
		case filepath.IsAbs(p):
			parts[i] = n.name(p)
		default:
			parts[i] = filepath.ToSlash(filepath.Clean(p))
		}
	}
	return strings.Join(parts, ", ")
}

// baselineDir is the folder a baseline at path keeps its names from: its
// own, or the current one for standard input ("-").
func baselineDir(path string) string {
	if path == "-" {
		return "."
	}
	return filepath.Dir(path)
}

// encodeBaseline writes findings as a baseline, sorted so that the file
// diffs well under version control. Findings that mean nothing was
// checked are left out: they must never be accepted.
func encodeBaseline(fs []schemas.Finding, dir string) ([]byte, int, error) {
	names := newBaselineNamer(dir)
	b := baselineFile{Tool: "film2ld validate", Version: 1, Findings: []baselineEntry{}}
	for _, f := range fs {
		if r, ok := schemas.LookupRule(f.Rule); ok && r.Unchecked {
			continue
		}
		b.Findings = append(b.Findings, entryOf(f, names))
	}
	slices.SortFunc(b.Findings, func(x, y baselineEntry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Node, y.Node),
			cmp.Compare(x.Property, y.Property), cmp.Compare(x.Message, y.Message))
	})
	data, err := json.MarshalIndent(b, "", "  ")
	return append(data, '\n'), len(b.Findings), err
}

// baselineSet counts the known findings; a finding matches one entry,
// so a second identical finding is new.
type baselineSet struct {
	known map[baselineEntry]int
	// names names files from the baseline's folder; fromWorking from
	// the working folder, as a baseline written before these names, or
	// to standard output and saved elsewhere, holds them.
	names, fromWorking *baselineNamer
	// ofFilm finds, for a finding about one document of a film, the
	// entry of a baseline that named the film's documents together, as
	// every finding of a film was placed before findings took their
	// node's document and line: a baseline kept from then still matches.
	ofFilm map[baselineEntry]baselineEntry
}

// readBaseline reads the baseline at path; "-" reads standard input, as
// every FILE of film2ld does (it read a file named "-").
func (e *env) readBaseline(path string) (*baselineSet, error) {
	var data []byte
	var err error
	if path == "-" {
		path = "<stdin>"
		if e.stdin != nil {
			data, err = io.ReadAll(e.stdin)
		}
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	var b baselineFile
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: not a baseline: %w", path, err)
	}
	if b.Version != 1 {
		return nil, fmt.Errorf("%s: baseline version %d; this film2ld reads version 1", path, b.Version)
	}
	dir := baselineDir(path)
	if path == "<stdin>" {
		dir = "."
	}
	s := &baselineSet{known: map[baselineEntry]int{}, names: newBaselineNamer(dir), fromWorking: newBaselineNamer("."), ofFilm: map[baselineEntry]baselineEntry{}}
	for _, e := range b.Findings {
		// A baseline written by an older film2ld holds names as typed
		// ("./pub/p.html", "/abs/pub/p.html"): cleaned, and an absolute
		// one made a path from the baseline's folder.
		e.File = s.names.stored(e.File)
		s.known[e]++
		if docs := strings.Split(e.File, ", "); len(docs) > 1 && !slices.ContainsFunc(docs, notFilmDocument) {
			for _, d := range docs {
				one := e
				one.File = d
				s.ofFilm[one] = e
			}
		}
	}
	return s, nil
}

// filter returns the findings the baseline does not know, and how many it
// knew.
func (s *baselineSet) filter(fs []schemas.Finding) ([]schemas.Finding, int) {
	var out []schemas.Finding
	n := 0
	for _, f := range fs {
		e := entryOf(f, s.names)
		if s.known[e] == 0 {
			// Named from the working folder, as older baselines are.
			e = entryOf(f, s.fromWorking)
		}
		if s.known[e] == 0 {
			e = s.filmEntry(f, e)
		}
		if r, ok := schemas.LookupRule(f.Rule); !(ok && r.Unchecked) && s.known[e] > 0 {
			s.known[e]--
			n++
			continue
		}
		out = append(out, f)
	}
	return out, n
}

// filmEntry returns the baseline's entry that named a film as a whole
// for f, a finding placed at one of the film's documents, where the
// baseline was written before such findings were placed: the film's
// documents joined (validate a.txt b.txt) or its folder (--batch). Else
// it returns e.
func (s *baselineSet) filmEntry(f schemas.Finding, e baselineEntry) baselineEntry {
	for _, names := range []*baselineNamer{s.names, s.fromWorking} {
		one := entryOf(f, names)
		if notFilmDocument(one.File) {
			return e
		}
		if film, ok := s.ofFilm[one]; ok && s.known[film] > 0 {
			return film
		}
		folder := one
		folder.File = path.Dir(one.File)
		if s.known[folder] > 0 {
			return folder
		}
	}
	return e
}

// notFilmDocument reports whether a file named in a baseline is not a
// film document (one whose findings name the film's documents joined, or
// its folder): a page or linked data, by its extension.
func notFilmDocument(name string) bool {
	ext := path.Ext(name)
	return ext != "" && ext != ".txt"
}

// printSchema writes the JSON Schema of a type for --print-schema to w.
func (e *env) printSchema(fs *pflag.FlagSet, typ string, w io.Writer) int {
	if typ == "list" {
		for _, t := range schemas.SchemaTypes() {
			fmt.Fprintln(w, t)
		}
		return exitOK
	}
	data, err := schemas.SchemaJSON(typ)
	if errors.Is(err, schemas.ErrNoSchema) {
		return e.usageError(fs, "--print-schema: %v (have %s)", err, strings.Join(schemas.SchemaTypes(), ", "))
	}
	if err != nil {
		e.errorf("%v", err)
		return exitError
	}
	w.Write(data)
	return exitOK
}
