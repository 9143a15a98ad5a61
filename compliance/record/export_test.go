package record_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// recGolden compares got with testdata/records/name (see package internal/golden).
func recGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, "records/"+name, got)
}

func recExport(t *testing.T) record.Export {
	t.Helper()
	reg, _, c := recRegister(t)
	e, err := reg.Export(context.Background(), c, recKommune())
	require.NoError(t, err)
	return e
}

// The register as stable JSON: the envelope (format, controller,
// generated) and every record in ID order. The golden file is the wire
// form hosts and peers read.
func TestExportJSON(t *testing.T) {
	e := recExport(t)
	require.Len(t, e.Activities, 4)
	var b bytes.Buffer
	require.NoError(t, e.WriteJSON(&b))
	recGolden(t, "register.json", b.Bytes())

	var back record.Export
	require.NoError(t, json.Unmarshal(b.Bytes(), &back))
	assert.Equal(t, record.RegisterFormat, back.Format)
	for i := range e.Activities {
		data, err := json.Marshal(e.Activities[i])
		require.NoError(t, err)
		a, err := record.DecodeActivity(data)
		require.NoError(t, err)
		assert.Equal(t, e.Activities[i].ID, a.ID)
	}
	var empty bytes.Buffer
	require.NoError(t, record.NewExport(recKommune(), recAt, nil).WriteJSON(&empty))
	assert.Contains(t, empty.String(), `"activities": []`)
}

// The register as CSV with localised headers and as a document for
// Datatilsynet, in da, nb, nn and en.
func TestExportLocalised(t *testing.T) {
	e := recExport(t)
	table := e.Table()
	require.Len(t, table.Rows, 4)
	for _, row := range table.Rows {
		require.Len(t, row, len(table.Columns))
	}
	doc := e.Document()
	for _, tag := range i18n.Supported() {
		p := i18n.NewPrinter(tag)
		t.Run(tag.String(), func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, p.CSV(&b, table))
			recGolden(t, "register_"+tag.String()+".csv", b.Bytes())
			recGolden(t, "register_"+tag.String()+".md", []byte(p.Markdown(doc)))
		})
	}
}

// Every message of the table and the document is well formed and has a
// key the records area knows.
func TestExportMessages(t *testing.T) {
	e := recExport(t)
	known := map[compliance.Code]bool{compliance.CodeText: true}
	for _, c := range record.RegisterCodes() {
		known[c] = true
	}
	check := func(m compliance.Message) {
		assert.NoError(t, m.Validate())
		assert.True(t, known[m.Key], "unknown key %s", m.Key)
	}
	table := e.Table()
	for _, c := range table.Columns {
		check(c)
	}
	for _, row := range table.Rows {
		for _, cell := range row {
			for _, m := range cell {
				check(m)
			}
		}
	}
	doc := e.Document()
	check(doc.Title)
	for _, b := range doc.Blocks {
		check(b.Text)
		if b.Kind == compliance.BlockField {
			check(b.Label)
		}
		for _, r := range b.Refs.All() {
			assert.NoError(t, r.Validate())
		}
	}
	p := i18n.NewPrinter(language.Danish)
	md := p.Markdown(doc)
	assert.Contains(t, md, "**Databehandler** (databeskyttelsesforordningens artikel 30, stk. 2, litra a)")
	assert.NotContains(t, md, "compliance.")
}
