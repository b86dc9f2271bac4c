package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/msg"
	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/ld/schemaorg"
	"github.com/film2ld/film2ld/schemas"
)

// reporters write validate's findings in each --format.
var reporters = map[string]func(io.Writer, []schemas.Finding) error{
	"text":   func(w io.Writer, fs []schemas.Finding) error { return reportText(w, fs, nil, nil) },
	"json":   reportJSON,
	"sarif":  reportSARIF,
	"github": reportGitHub,
}

// reportText writes one finding a line; where the finding has a column and
// excerpt knows its input, the offending line follows with a caret under
// the column, once after the findings at that place. excerpt may be nil.
// A finding said of many nodes of a file is written as often as rep
// shows it, and the rest counted in a note after the file's findings.
func reportText(w io.Writer, fs []schemas.Finding, excerpt func(schemas.Pos) string, rep *repeats) error {
	shown := make([]bool, len(fs))
	for i, f := range fs {
		shown[i] = rep.show(f)
	}
	for i, f := range fs {
		if shown[i] {
			// A report for people, like a message: a file name must not
			// forge a finding. The excerpt is safe as diag writes it,
			// after the last finding shown at its place.
			line := msg.Clean(f.String()) + "\n"
			last := true
			for j := i + 1; j < len(fs) && fs[j].Pos == f.Pos; j++ {
				last = last && !shown[j]
			}
			if excerpt != nil && last {
				line += excerpt(f.Pos)
			}
			if _, err := io.WriteString(w, line); err != nil {
				return err
			}
		}
		if i+1 < len(fs) && fs[i+1].Pos.File == f.Pos.File {
			continue
		}
		for _, h := range rep.endFile(f.Pos.File) {
			said := h.message
			if h.fix != "" {
				said += " (" + h.fix + ")"
			}
			note := fmt.Sprintf("%s: note: the same finding on %d more %s is not shown (--repeat 0 shows every one): %s: %s [%s]",
				h.file, h.count, plural(h.count, "node"), h.sev, said, h.rule)
			if _, err := io.WriteString(w, msg.Clean(note)+"\n"); err != nil {
				return err
			}
		}
	}
	return nil
}

// repeats decides which findings the text report shows: a finding said of
// many nodes of one file (the same rule, property, message and fix) is
// shown limit times, and the rest are counted. A JSON file that is not
// markup (an API's dump of 100,000 records) made 1.2 million lines, six
// findings said over and over. A nil or zero-limit repeats shows all.
type repeats struct {
	limit int
	seen  map[repeatKey]int
	// folded are the findings past the limit, in the order first met.
	folded []repeatKey
}

// repeatKey is what makes two findings of a file the same finding.
type repeatKey struct {
	file                     string
	sev                      schemas.Severity
	rule, prop, message, fix string
}

// hiddenFindings is a finding not shown count times.
type hiddenFindings struct {
	repeatKey
	count int
}

func newRepeats(limit int) *repeats {
	return &repeats{limit: limit, seen: map[repeatKey]int{}}
}

// show counts f and reports whether it is shown.
func (r *repeats) show(f schemas.Finding) bool {
	if r == nil || r.limit <= 0 {
		return true
	}
	k := repeatKey{f.Pos.File, f.Severity, f.Rule, f.Property, f.Message, f.Fix}
	r.seen[k]++
	if r.seen[k] == r.limit+1 {
		r.folded = append(r.folded, k)
	}
	return r.seen[k] <= r.limit
}

// endFile returns the findings of file not shown, with how many times
// each, and forgets the file's counts: a file's findings come together,
// and a folder of thousands of pages would otherwise keep every count.
func (r *repeats) endFile(file string) []hiddenFindings {
	if r == nil {
		return nil
	}
	var out []hiddenFindings
	for _, k := range r.folded {
		if k.file == file {
			out = append(out, hiddenFindings{k, r.seen[k] - r.limit})
		}
	}
	clear(r.seen)
	r.folded = r.folded[:0]
	return out
}

// excerpter returns what shows a finding's place in the inputs validate
// read: its quote from the input's findings (see quotes), or "" for a
// finding with none.
func excerpter(sources []reportSource) func(schemas.Pos) string {
	all := map[schemas.Pos]string{}
	for _, s := range sources {
		maps.Copy(all, s.quotes)
	}
	return func(p schemas.Pos) string { return all[p] }
}

// quotes returns, for each finding of fs placed in data (the input named
// name) at a line and column, the line with a caret under the column
// (see diag.Excerpt); a byte-order mark is left out, as validate leaves
// it out when it places findings. Taken as each input is done, they let
// its bytes go before the report is written. With data nil, the lines
// are read from the file path (see fileQuotes), when there is one.
func quotes(name string, data []byte, path string, fs []schemas.Finding, rep *repeats) map[schemas.Pos]string {
	var at []schemas.Pos
	for _, f := range fs {
		if !rep.show(f) {
			continue // the report will not show it
		}
		if p := f.Pos; p.File == name && p.Line > 0 && p.Col > 0 {
			at = append(at, p)
		}
	}
	switch {
	case len(at) == 0:
		return nil
	case data == nil && path != "":
		return fileQuotes(path, at)
	case len(data) == 0:
		return nil // no bytes, no line to quote (an empty file)
	}
	var x *diag.Index
	var out map[schemas.Pos]string
	for _, p := range at {
		if x == nil {
			x = diag.NewIndex(bytes.TrimPrefix(data, []byte("\ufeff")))
		}
		if p.Line > x.Lines() {
			continue
		}
		if out == nil {
			out = map[schemas.Pos]string{}
		}
		out[p] = x.Excerpt(p.Line, p.Col)
	}
	return out
}

// fileQuotes is quotes of the UTF-8 file path, read once as it goes and
// holding only the lines quoted, one at a time: validate lets a large
// input's bytes go once its graph is read (see validateFile), where they
// were held through the checks (a 14.6 MB page's JSON-LD, a sixth of the
// peak). A file that cannot be read again gives no quotes, as an input
// without bytes did.
func fileQuotes(path string, at []schemas.Pos) map[schemas.Pos]string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.Size() == 0 {
		return nil // no bytes, no line to quote, as quotes says
	}
	slices.SortFunc(at, func(a, b schemas.Pos) int { return cmp.Compare(a.Line, b.Line) })
	br := bufio.NewReaderSize(f, 64<<10)
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	out := map[schemas.Pos]string{}
	line := 1
	for i := 0; i < len(at); {
		want := at[i].Line
		for ; line < want; line++ {
			if !skipLine(br) {
				return out
			}
		}
		// Every line break read so far starts a line, the last one
		// too, which may be empty (as diag.Index counts lines). The
		// line is read as it goes, holding only the windows shown: a
		// 200 MB line was held whole, and indexed, for one caret.
		j := i
		var cols []int
		for ; j < len(at) && at[j].Line == want; j++ {
			cols = append(cols, at[j].Col)
		}
		excerpts, last, err := diag.LineExcerpts(br, cols, want)
		if err != nil {
			return out
		}
		line++
		for k, x := range excerpts {
			out[at[i+k]] = x
		}
		i = j
		if last {
			break // the last line
		}
	}
	return out
}

// skipLine reads past the next line break, and reports whether there was
// one.
func skipLine(br *bufio.Reader) bool {
	for {
		_, err := br.ReadSlice('\n')
		switch err {
		case nil:
			return true
		case bufio.ErrBufferFull:
			continue
		default:
			return false
		}
	}
}

// jsonFinding is the stable JSON form of a finding.
type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Node     string `json:"node"`
	Property string `json:"property,omitempty"`
	Message  string `json:"message"`
	Fix      string `json:"fix,omitempty"`
}

// reportJSON writes the findings as one JSON array (see writeJSONArray).
func reportJSON(w io.Writer, fs []schemas.Finding) error {
	return writeJSONArray(w, arrayMarker, len(fs), func(i int) any {
		f := fs[i]
		return jsonFinding{File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Col, Severity: string(f.Severity),
			Rule: f.Rule, Node: f.Node, Property: f.Property, Message: f.Message, Fix: f.Fix}
	})
}

// arrayMarker stands in a report's value for the array writeJSONArray
// writes in its place.
const arrayMarker = "\x00film2ld-array\x00"

// writeJSONArray writes v as writeJSON does, with an array of n items
// (item(i) for each) where the string arrayMarker stands in v, the same
// bytes as writeJSON of v holding the array, but encoding an item at a
// time: a report of 200,000 findings encoded whole and then indented took
// three times its size (a 66 MB JSON report: 480 MB allocated, a peak of
// 331 MB; SARIF 492 MB).
func writeJSONArray(w io.Writer, v any, n int, item func(i int) any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	quoted, _ := json.Marshal(arrayMarker)
	at := bytes.Index(b.Bytes(), quoted)
	if at < 0 {
		return errors.New("writeJSONArray: no array marker in the value")
	}
	head, tail := b.Bytes()[:at], b.Bytes()[at+len(quoted):]
	indent := string(head[bytes.LastIndexByte(head, '\n')+1:]) // the marker's line's
	indent = indent[:len(indent)-len(strings.TrimLeft(indent, " "))]
	if _, err := w.Write(msg.EscapeJSON(head)); err != nil {
		return err
	}
	if n == 0 {
		if _, err := io.WriteString(w, "[]"); err != nil {
			return err
		}
	} else {
		if _, err := io.WriteString(w, "[\n"); err != nil {
			return err
		}
		var ib bytes.Buffer
		ienc := json.NewEncoder(&ib)
		ienc.SetIndent(indent+"  ", "  ") // an element of the array
		for i := range n {
			ib.Reset()
			ib.WriteString(indent + "  ")
			if err := ienc.Encode(item(i)); err != nil {
				return err
			}
			out := bytes.TrimSuffix(ib.Bytes(), []byte("\n"))
			if i < n-1 {
				out = append(out, ',')
			}
			out = append(out, '\n')
			if _, err := w.Write(msg.EscapeJSON(out)); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, indent+"]"); err != nil {
			return err
		}
	}
	_, err := w.Write(msg.EscapeJSON(tail))
	return err
}

// writeJSON writes a JSON report: indented, and with the characters
// that change how text is shown escaped (msg.EscapeJSON), as every
// report has them: a file name or a document's text can hold anything.
func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(msg.EscapeJSON(b.Bytes()))
	return err
}

// message is a finding's text without its position: the node, property,
// what is wrong and the fix.
func message(f schemas.Finding) string {
	s := f.Node
	if f.Property != "" {
		s += ": " + f.Property
	}
	s += ": " + f.Message
	if f.Fix != "" {
		s += " (" + f.Fix + ")"
	}
	return s
}

// reportGitHub writes GitHub Actions workflow commands, which annotate the
// file and line in a pull request.
//
// A finding whose file is no file (a film of several documents, named
// "a.txt, b.txt"; standard input) is not given one: GitHub attaches an
// annotation to the file it names, and drops one that names none in the
// repository. Its place is then said in its message.
func reportGitHub(w io.Writer, fs []schemas.Finding) error {
	isFile := map[string]bool{}
	for _, f := range fs {
		var props []string
		text := message(f)
		if name := f.Pos.File; name != "" {
			exists, known := isFile[name]
			if !known {
				st, err := os.Stat(name)
				exists = err == nil && st.Mode().IsRegular()
				isFile[name] = exists
			}
			if exists {
				props = append(props, "file="+escapeProperty(name))
				if f.Pos.Line > 0 {
					props = append(props, fmt.Sprintf("line=%d", f.Pos.Line))
				}
				if f.Pos.Col > 0 {
					props = append(props, fmt.Sprintf("col=%d", f.Pos.Col))
				}
			} else {
				text = f.Pos.String() + ": " + text
			}
		}
		props = append(props, "title="+escapeProperty(f.Rule))
		// GitHub's commands are error, warning and notice.
		level := string(f.Severity)
		if f.Severity == schemas.Note {
			level = "notice"
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(text)); err != nil {
			return err
		}
	}
	return nil
}

// escapeData and escapeProperty follow the workflow-command escaping of
// @actions/core: %, CR and LF always; : and , in properties too. What
// that leaves raw is escaped first as in every other message (msg.Clean):
// a build log shows escape sequences and bidi controls as they are, so a
// file named with them could colour or reverse the log, or end the
// annotation early.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(msg.Clean(s))
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(msg.Clean(s))
}

// sarifURI turns a finding's file into a SARIF artifact URI: a relative
// reference from the working directory (forward slashes, percent-encoded)
// when the file is under it, else a file:// URI. Code-scanning services
// resolve relative URIs against the repository root, which is where CI
// runs validate.
func sarifURI(file string) string {
	if file == "" || file == "<stdin>" {
		return "stdin"
	}
	p := file
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				p = rel
			}
		}
	}
	if filepath.IsAbs(p) {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
	}
	return (&url.URL{Path: filepath.ToSlash(filepath.Clean(p))}).EscapedPath()
}

// sarifLevel maps a severity to SARIF's level names.
func sarifLevel(s schemas.Severity) string {
	switch s {
	case schemas.Error:
		return "error"
	case schemas.Warning:
		return "warning"
	}
	return "note"
}

// filesNamed returns the files a finding's place names: the file itself,
// or each of a film's documents where the place is the film given as
// its files ("a.txt, b.txt", the name validate gives a film's findings).
// A SARIF location names one artifact: the joined name was the URI of a
// file that does not exist (audit 18), which code scanning cannot show.
func filesNamed(name string) []string {
	if !strings.Contains(name, ", ") || isRegular(name) {
		return []string{name}
	}
	parts := strings.Split(name, ", ")
	for _, p := range parts {
		if !isRegular(p) {
			return []string{name}
		}
	}
	return parts
}

// isRegular reports whether name is a regular file.
func isRegular(name string) bool {
	st, err := os.Stat(name)
	return err == nil && st.Mode().IsRegular()
}

// reportSARIF writes a SARIF 2.1.0 log with one run, one rule per rule id
// seen (with its summary and the documentation it follows), and one result
// per finding. Columns are counted in Unicode code points, as the text
// report counts them, and the run says so (SARIF's default is UTF-16 code
// units, which differ for characters outside the BMP).
func reportSARIF(w io.Writer, fs []schemas.Finding) error {
	type region struct {
		StartLine   int `json:"startLine,omitempty"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	type physical struct {
		ArtifactLocation map[string]string `json:"artifactLocation"`
		Region           *region           `json:"region,omitempty"`
	}
	type location struct {
		PhysicalLocation physical `json:"physicalLocation"`
	}
	type sarifResult struct {
		RuleID    string            `json:"ruleId"`
		RuleIndex int               `json:"ruleIndex"`
		Level     string            `json:"level"`
		Message   map[string]string `json:"message"`
		Locations []location        `json:"locations"`
	}
	type rule struct {
		ID                   string            `json:"id"`
		ShortDescription     map[string]string `json:"shortDescription"`
		HelpURI              string            `json:"helpUri,omitempty"`
		DefaultConfiguration map[string]string `json:"defaultConfiguration"`
	}
	var rules []rule
	index := map[string]int{}
	for _, f := range fs {
		if _, ok := index[f.Rule]; ok {
			continue
		}
		index[f.Rule] = len(rules)
		r, known := schemas.LookupRule(f.Rule)
		if !known {
			r = schemas.Rule{ID: f.Rule, Summary: f.Rule, Severity: f.Severity}
		}
		rules = append(rules, rule{ID: f.Rule, ShortDescription: map[string]string{"text": r.Summary},
			HelpURI: r.Source, DefaultConfiguration: map[string]string{"level": sarifLevel(r.Severity)}})
	}
	uris := map[string][]string{} // a name's URIs, worked out once
	result := func(i int) any {
		f := fs[i]
		us, ok := uris[f.Pos.File]
		if !ok {
			for _, name := range filesNamed(f.Pos.File) {
				us = append(us, sarifURI(name))
			}
			uris[f.Pos.File] = us
		}
		var locs []location
		for _, uri := range us {
			loc := physical{ArtifactLocation: map[string]string{"uri": uri}}
			if f.Pos.Line > 0 && len(us) == 1 {
				loc.Region = &region{StartLine: f.Pos.Line, StartColumn: f.Pos.Col}
			}
			locs = append(locs, location{PhysicalLocation: loc})
		}
		return sarifResult{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
			Message: map[string]string{"text": message(f)}, Locations: locs}
	}
	driver := map[string]any{
		"name":           "film2ld",
		"informationUri": "https://github.com/film2ld/film2ld",
		"version":        buildVersion(),
		"rules":          rules,
		"properties":     map[string]string{"schemaOrgRelease": schemaorg.Release},
	}
	if sv := semanticVersion(buildVersion()); sv != "" {
		driver["semanticVersion"] = sv
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool":       map[string]any{"driver": driver},
			"columnKind": "unicodeCodePoints",
			"results":    arrayMarker,
		}},
	}
	return writeJSONArray(w, log, len(fs), result)
}
