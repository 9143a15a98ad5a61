package i18n

import (
	"strings"

	"github.com/tillid/tillid/compliance"
)

// Markdown renders a document as CommonMark: the title as a level-1 heading,
// headings as level 2, fields as "**Label** (refs): value" lines, items as
// bullets followed by their references in parentheses, and the references of
// a heading or paragraph in an italic line after it. Rendered text is escaped, so free text entered by caseworkers
// cannot inject Markdown.
func (p *Printer) Markdown(doc compliance.Document) string {
	p = p.usable()
	var b strings.Builder
	b.WriteString("# ")
	b.WriteString(escapeMarkdown(p.Message(doc.Title)))
	b.WriteString("\n")
	inList := false
	for _, blk := range doc.Blocks {
		if inList && blk.Kind != compliance.BlockItem {
			inList = false
		}
		switch blk.Kind {
		case compliance.BlockHeading:
			b.WriteString("\n## ")
			b.WriteString(escapeMarkdown(p.Message(blk.Text)))
			b.WriteString("\n")
		case compliance.BlockParagraph:
			b.WriteString("\n")
			b.WriteString(escapeMarkdown(p.Message(blk.Text)))
			b.WriteString("\n")
		case compliance.BlockField:
			b.WriteString("\n**")
			b.WriteString(escapeMarkdown(p.Message(blk.Label)))
			b.WriteString("**")
			if blk.Refs.Len() > 0 {
				b.WriteString(" (")
				b.WriteString(escapeMarkdown(p.Refs(blk.Refs)))
				b.WriteString(")")
			}
			b.WriteString(": ")
			b.WriteString(escapeMarkdown(p.Message(blk.Text)))
			b.WriteString("\n")
		case compliance.BlockItem:
			if !inList {
				b.WriteString("\n")
				inList = true
			}
			b.WriteString("- ")
			b.WriteString(escapeMarkdown(p.Message(blk.Text)))
			if blk.Refs.Len() > 0 {
				b.WriteString(" (")
				b.WriteString(escapeMarkdown(p.Refs(blk.Refs)))
				b.WriteString(")")
			}
			b.WriteString("\n")
		}
		if (blk.Kind == compliance.BlockHeading || blk.Kind == compliance.BlockParagraph) && blk.Refs.Len() > 0 {
			b.WriteString("\n*")
			b.WriteString(p.mp.Sprintf(keyRefsLabel))
			b.WriteString(": ")
			b.WriteString(escapeMarkdown(p.Refs(blk.Refs)))
			b.WriteString("*\n")
		}
	}
	return b.String()
}

// Text renders a document as plain text for letters and e-mail: the title
// underlined, fields as "Label (refs): value", items as "- item (refs)", and
// the references of a heading or paragraph on a line after it.
func (p *Printer) Text(doc compliance.Document) string {
	p = p.usable()
	var b strings.Builder
	title := p.Message(doc.Title)
	b.WriteString(title)
	b.WriteString("\n")
	b.WriteString(strings.Repeat("=", len([]rune(title))))
	b.WriteString("\n")
	inList := false
	for _, blk := range doc.Blocks {
		if inList && blk.Kind != compliance.BlockItem {
			inList = false
		}
		switch blk.Kind {
		case compliance.BlockHeading:
			h := p.Message(blk.Text)
			b.WriteString("\n")
			b.WriteString(h)
			b.WriteString("\n")
			b.WriteString(strings.Repeat("-", len([]rune(h))))
			b.WriteString("\n")
		case compliance.BlockParagraph:
			b.WriteString("\n")
			b.WriteString(p.Message(blk.Text))
			b.WriteString("\n")
		case compliance.BlockField:
			b.WriteString("\n")
			b.WriteString(p.Message(blk.Label))
			if blk.Refs.Len() > 0 {
				b.WriteString(" (")
				b.WriteString(p.Refs(blk.Refs))
				b.WriteString(")")
			}
			b.WriteString(": ")
			b.WriteString(p.Message(blk.Text))
			b.WriteString("\n")
		case compliance.BlockItem:
			if !inList {
				b.WriteString("\n")
				inList = true
			}
			b.WriteString("- ")
			b.WriteString(p.Message(blk.Text))
			if blk.Refs.Len() > 0 {
				b.WriteString(" (")
				b.WriteString(p.Refs(blk.Refs))
				b.WriteString(")")
			}
			b.WriteString("\n")
		}
		if (blk.Kind == compliance.BlockHeading || blk.Kind == compliance.BlockParagraph) && blk.Refs.Len() > 0 {
			b.WriteString(p.mp.Sprintf(keyRefsLabel))
			b.WriteString(": ")
			b.WriteString(p.Refs(blk.Refs))
			b.WriteString("\n")
		}
	}
	return b.String()
}

var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`,
)

func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }
