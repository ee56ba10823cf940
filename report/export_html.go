package report

import (
	"bytes"
	"fmt"
	"html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// HTML writes the export as one standalone page to print or save as PDF for
// the meeting: the same document as the markdown, rendered with goldmark,
// with its style inline. No scripts, no fonts or images from anywhere: the
// page loads nothing. Raw HTML in the journal's text is left out, not run.
func (x *Export) HTML(o Options) ([]byte, error) {
	var body bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))
	if err := md.Convert([]byte(x.Page(o)), &body); err != nil {
		return nil, fmt.Errorf("render the export as HTML: %w", err)
	}
	return htmlPage(x.Language, x.Title, x.Author, exportCSS, body.Bytes(), o.t("export.footer", "Day", x.Generated.Format("2006-01-02"))), nil
}

// htmlPage wraps a body rendered from markdown in a standalone page: its
// style inline, nothing loaded from anywhere. An empty author or footer is
// left out.
func htmlPage(lang, title, author, css string, body []byte, footer string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tillit">
`, html.EscapeString(lang))
	if author != "" {
		fmt.Fprintf(&b, "<meta name=\"author\" content=\"%s\">\n", html.EscapeString(author))
	}
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", html.EscapeString(title), css)
	b.Write(body)
	b.WriteString("</main>\n")
	if footer != "" {
		fmt.Fprintf(&b, "<footer>%s</footer>\n", html.EscapeString(footer))
	}
	b.WriteString("</body>\n</html>\n")
	return b.Bytes()
}

// exportCSS styles the page for the screen and for A4 paper, with the
// fonts the reader's system already has.
const exportCSS = `:root { color-scheme: light; --accent: #00695c; --muted: #5f6b6a; --rule: #d5dedc; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; background: #fff; color: #1d2523;
  font-family: "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Times New Roman", serif;
  line-height: 1.55; }
main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.5rem 3rem; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.25; color: #15201e; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.9rem; margin: 0 0 1.5rem; color: var(--accent); }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.1rem; margin: 2rem 0 .5rem; color: var(--accent); }
h4 { font-size: 1rem; margin: 1.25rem 0 .35rem; }
h5, h6 { font-size: .95rem; margin: 1rem 0 .3rem; color: var(--muted); }
p { margin: .5rem 0 .9rem; }
ul, ol { padding-left: 1.4rem; }
li { margin: .2rem 0; }
strong { color: #15201e; }
blockquote { margin: 1rem 0; padding: .2rem 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
table { border-collapse: collapse; margin: 1rem 0; font-size: .95rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .6rem; text-align: left; vertical-align: top; }
code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: .9em; }
pre { background: #f4f7f6; padding: .75rem 1rem; overflow-x: auto; white-space: pre-wrap; }
a { color: var(--accent); }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
footer { max-width: 44rem; margin: 0 auto; padding: 0 1.5rem 2rem; color: var(--muted); font-size: .85rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  footer { padding: 1rem 0 0; }
  h2 { break-before: auto; }
  h3, h4 { break-inside: avoid; }
  li, p, table, pre, blockquote { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`
