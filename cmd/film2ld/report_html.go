package main

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/msg"
	"github.com/film2ld/film2ld/ld/schemaorg"
	"github.com/film2ld/film2ld/schemas"
)

// reportSource is one input as the HTML report shows it: its text, its
// graph (nil when it could not be read) and its findings.
type reportSource struct {
	name     string
	data     []byte
	graph    *schemas.Graph
	findings []schemas.Finding
	quotes   map[schemas.Pos]string // the text report's excerpts
}

// htmlContext is how many lines the report shows around a finding, and
// how many characters of a long line around its column.
const (
	htmlContext = 2
	htmlWindow  = 70
)

type htmlLine struct {
	N     int
	Parts []htmlPart
	Hit   bool
}

// htmlPart is a run of a source line; Mark is set on a character a
// finding's column names.
type htmlPart struct {
	Text string
	Mark bool
	// Clip stands for the part of a long line left out.
	Clip bool
}

type htmlFinding struct {
	schemas.Finding
	Text string
}

type htmlBlock struct {
	Lines    []htmlLine
	Findings []htmlFinding
}

type htmlFile struct {
	Name          string
	ID            string
	Errors, Warns int
	Notes         int
	Previews      []htmlPreview
	Blocks        []htmlBlock
	Whole         []htmlFinding // findings about the file as a whole
}

type htmlPreview struct {
	schemas.Preview
	FullStars int
	HalfStar  bool
	Empty     int
	Shown     bool
}

type htmlReport struct {
	Profile       string
	Release       string
	Files         []htmlFile
	Errors, Warns int
	Notes         int
}

// reportHTML writes one self-contained page: a summary, each finding
// beside its source lines with the place marked, and for each Movie a
// preview of the rich result or the reasons it cannot be shown. It loads
// nothing (no script, no font, no image: a poster is named, not fetched),
// so it can be opened from a CI artifact store offline.
func reportHTML(w io.Writer, sources []reportSource, prof schemas.Profile) error {
	r := htmlReport{Profile: string(prof), Release: schemaorg.Release}
	for i, src := range sources {
		// The name is a line of its own: a newline in it is escaped,
		// as on standard error and in the other reports.
		f := htmlFile{Name: msg.Clean(src.name), ID: fmt.Sprintf("f%d", i+1)}
		f.Errors, f.Warns = count(src.findings)
		for _, x := range src.findings {
			if x.Severity == schemas.Note {
				f.Notes++
			}
		}
		r.Errors += f.Errors
		r.Warns += f.Warns
		r.Notes += f.Notes
		if src.graph != nil && prof == schemas.Google {
			for _, p := range schemas.Previews(src.graph, src.findings) {
				hp := htmlPreview{Preview: p, Shown: len(p.Reasons) == 0}
				hp.FullStars = int(p.Stars)
				hp.HalfStar = p.Stars-float64(hp.FullStars) >= 0.5
				hp.Empty = 5 - hp.FullStars
				if hp.HalfStar {
					hp.Empty--
				}
				f.Previews = append(f.Previews, hp)
			}
		}
		f.Blocks, f.Whole = blocksOf(src.name, src.data, src.findings)
		r.Files = append(r.Files, f)
	}
	var b bytes.Buffer
	if err := htmlTemplate().Execute(&b, r); err != nil {
		return err
	}
	// File names, messages and the documents' lines go into the page
	// as they are; what could change how the page shows text (escape
	// sequences, bidi overrides, bytes that are not UTF-8) is written
	// visibly, as in every report (msg.CleanLayout).
	_, err := io.WriteString(w, msg.CleanLayout(b.String()))
	return err
}

// blocksOf groups findings whose source lines are near each other and
// cuts the lines they stand on; findings without a line are about the file
// as a whole.
// A film's findings placed at a line of one of its documents (a review
// the snippet left out) are listed with their place: the film has no
// lines of its own to cut them from.
func blocksOf(name string, data []byte, fs []schemas.Finding) (blocks []htmlBlock, whole []htmlFinding) {
	text := strings.TrimPrefix(string(data), "\ufeff")
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	byLine := map[int][]schemas.Finding{}
	var order []int
	for _, f := range fs {
		if f.Pos.File != name && f.Pos.File != "" {
			whole = append(whole, htmlFinding{f, msg.Clean(f.Pos.String()) + ": " + message(f)})
			continue
		}
		if f.Pos.Line <= 0 || f.Pos.Line > len(lines) {
			whole = append(whole, htmlFinding{f, message(f)})
			continue
		}
		if _, ok := byLine[f.Pos.Line]; !ok {
			order = append(order, f.Pos.Line)
		}
		byLine[f.Pos.Line] = append(byLine[f.Pos.Line], f)
	}
	slices.Sort(order)
	for i := 0; i < len(order); {
		// A block runs while the next finding's context overlaps it.
		j := i + 1
		for j < len(order) && order[j]-htmlContext <= order[j-1]+htmlContext+1 {
			j++
		}
		first, last := max(1, order[i]-htmlContext), min(len(lines), order[j-1]+htmlContext)
		var blk htmlBlock
		for n := first; n <= last; n++ {
			var cols []int
			for _, f := range byLine[n] {
				blk.Findings = append(blk.Findings, htmlFinding{f, message(f)})
				if f.Pos.Col > 0 && !slices.Contains(cols, f.Pos.Col) {
					cols = append(cols, f.Pos.Col)
				}
			}
			blk.Lines = append(blk.Lines, cutLine(n, strings.TrimSuffix(lines[n-1], "\r"), len(byLine[n]) > 0, cols))
		}
		blocks = append(blocks, blk)
		i = j
	}
	return blocks, whole
}

// cutLine shows a line, marking the characters at cols (1-based) on a
// line with findings. A long line (minified JSON-LD) is cut to windows
// around its marks, with an ellipsis for what is left out.
func cutLine(n int, s string, hit bool, cols []int) htmlLine {
	runes := []rune(strings.ToValidUTF8(s, "\uFFFD"))
	l := htmlLine{N: n, Hit: hit}
	slices.Sort(cols)
	type span struct{ from, to int }
	spans := []span{{0, len(runes)}}
	if len(runes) > 2*htmlWindow {
		spans = spans[:0]
		if len(cols) == 0 {
			spans = append(spans, span{0, 2 * htmlWindow})
		}
		for _, c := range cols {
			c = min(max(c-1, 0), len(runes))
			sp := span{max(0, c-htmlWindow), min(len(runes), c+htmlWindow)}
			if k := len(spans) - 1; k >= 0 && sp.from <= spans[k].to {
				spans[k].to = max(spans[k].to, sp.to)
				continue
			}
			spans = append(spans, sp)
		}
	}
	for i, sp := range spans {
		if sp.from > 0 || i > 0 {
			l.Parts = append(l.Parts, htmlPart{Text: "…", Clip: true})
		}
		at := sp.from
		for _, c := range cols {
			c-- // to a 0-based index
			if c < at || c >= sp.to {
				continue
			}
			l.Parts = append(l.Parts, htmlPart{Text: string(runes[at:c])}, htmlPart{Text: string(runes[c]), Mark: true})
			at = c + 1
		}
		l.Parts = append(l.Parts, htmlPart{Text: string(runes[at:sp.to])})
		if i == len(spans)-1 && sp.to < len(runes) {
			l.Parts = append(l.Parts, htmlPart{Text: "…", Clip: true})
		}
	}
	return l
}

// htmlTemplate is parsed on first use: parsing it at package init cost
// every process, validate or export, about a thousand allocations for a
// report format few runs ask for.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"repeat": func(n int, s string) string { return strings.Repeat(s, max(n, 0)) },
		"plural": plural,
		"join":   strings.Join,
	}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>film2ld validate: {{.Errors}} {{plural .Errors "error"}}, {{.Warns}} {{plural .Warns "warning"}}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:16px 24px}
header h1{margin:0;font-size:20px}
main{padding:16px 24px;max-width:1100px}
.counts span{display:inline-block;margin-right:14px;font-weight:600}
.error{color:#cf222e}.warning{color:#9a6700}.note{color:#0969da}
table.summary{border-collapse:collapse;background:#fff;margin:12px 0}
table.summary td,table.summary th{border:1px solid #d0d7de;padding:4px 10px;text-align:left}
section.file{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:18px 0;padding:12px 16px}
section.file h2{font-size:17px;margin:0 0 8px;word-break:break-all}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 14px}
.card{width:330px;border:1px solid #d0d7de;border-radius:8px;padding:10px;display:flex;gap:10px;background:#fff}
.card.blocked{background:#fff8f8;border-color:#ffcecb}
.poster{flex:0 0 72px;height:108px;background:#d8dee4;border-radius:4px;font-size:10px;color:#57606a;overflow:hidden;word-break:break-all;padding:3px;box-sizing:border-box}
.card h3{margin:0;font-size:16px;color:#1a0dab}
.stars{color:#e7711b;letter-spacing:1px}
.meta{color:#4d5156;font-size:13px}
.reasons{margin:4px 0 0;padding-left:18px;font-size:13px;color:#cf222e}
pre.src{background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;padding:6px 0;overflow-x:auto;margin:6px 0 2px;font:12.5px/1.5 ui-monospace,monospace}
pre.src span.line{display:block;padding:0 8px;white-space:pre}
pre.src span.hit{background:#fff8c5}
pre.src span.ln{display:inline-block;width:5ch;color:#8c959f;text-align:right;margin-right:10px;user-select:none}
mark.at{background:#ff8182;color:#000;outline:1px solid #cf222e}
ul.findings{margin:2px 0 14px;padding-left:20px}
ul.findings li{margin:2px 0}
.rule{color:#57606a;font-size:12px}
.clip{color:#8c959f}
</style>
</head>
<body>
<header><h1>film2ld validate</h1>
<div>profile <b>{{.Profile}}</b> · schema.org {{.Release}} · {{len .Files}} {{plural (len .Files) "file"}}</div></header>
<main>
<p class="counts" id="totals"><span class="error">{{.Errors}} {{plural .Errors "error"}}</span><span class="warning">{{.Warns}} {{plural .Warns "warning"}}</span><span class="note">{{.Notes}} {{plural .Notes "note"}}</span></p>
<table class="summary" id="summary"><tr><th>file</th><th>errors</th><th>warnings</th><th>notes</th></tr>
{{range .Files}}<tr><td><a href="#{{.ID}}">{{.Name}}</a></td><td class="error">{{.Errors}}</td><td class="warning">{{.Warns}}</td><td class="note">{{.Notes}}</td></tr>
{{end}}</table>
{{range .Files}}<section class="file" id="{{.ID}}">
<h2>{{.Name}}</h2>
{{if .Previews}}<div class="cards">{{range .Previews}}<div class="card{{if not .Shown}} blocked{{end}}" data-node="{{.Node}}">
<div class="poster">{{if .Image}}poster: {{.Image}}{{else}}no image{{end}}</div>
<div><h3>{{if .Title}}{{.Title}}{{else}}(no name){{end}}</h3>
<div class="meta">{{if .Year}}{{.Year}} · {{end}}Movie{{if .Directors}} · Director: {{join .Directors ", "}}{{end}}</div>
{{if .HasRating}}<div class="rating"><span class="stars" aria-label="{{printf "%.1f" .Stars}} of 5 stars">{{repeat .FullStars "★"}}{{if .HalfStar}}⯪{{end}}{{repeat .Empty "☆"}}</span> <span class="score">{{.Score}}{{if .Scale}}/{{.Scale}}{{end}}</span>{{if .Count}} <span class="count">({{.Count}})</span>{{end}}</div>{{end}}
{{if .Shown}}<div class="meta verdict">rich result can be shown</div>{{else}}<div class="meta verdict">cannot be shown:</div><ul class="reasons">{{range .Reasons}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if .RatingProblems}}<div class="meta">no stars:</div><ul class="reasons">{{range .RatingProblems}}<li>{{.}}</li>{{end}}</ul>{{end}}
</div></div>{{end}}</div>{{end}}
{{if .Whole}}<ul class="findings">{{range .Whole}}<li class="finding {{.Severity}}"><b class="{{.Severity}}">{{.Severity}}</b>: {{.Text}} <span class="rule">[{{.Rule}}]</span></li>{{end}}</ul>{{end}}
{{range .Blocks}}<pre class="src">{{range .Lines}}<span class="line{{if .Hit}} hit{{end}}"><span class="ln">{{.N}}</span>{{range .Parts}}{{if .Mark}}<mark class="at">{{.Text}}</mark>{{else if .Clip}}<span class="clip">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}</span>{{end}}</pre>
<ul class="findings">{{range .Findings}}<li class="finding {{.Severity}}" data-line="{{.Pos.Line}}" data-col="{{.Pos.Col}}"><b class="{{.Severity}}">{{.Severity}}</b> {{.Pos.Line}}:{{.Pos.Col}}: {{.Text}} <span class="rule">[{{.Rule}}]</span></li>{{end}}</ul>
{{end}}{{if and (not .Blocks) (not .Whole)}}<p class="meta">no findings</p>{{end}}
</section>
{{end}}</main>
</body>
</html>
`))
})
