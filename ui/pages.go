package ui

import (
	"tillit/content"
)

// tipPage is the markdown of a tip's page, with today's questions when
// given.
func tipPage(ctx *Context, p *content.Pack, t content.Tip, questions []string) string {
	return t.Page(p.Labels(ctx.T), questions)
}
