package i18n_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/i18n"
)

func tableFixture() compliance.Table {
	return compliance.Table{
		Columns: []compliance.Message{
			compliance.Msg(compliance.Code(record.ExportName.Key())),
			compliance.Msg(compliance.Code(record.ExportData.Key())),
			compliance.Msg(compliance.Code(record.ExportReviewedOn.Key())),
		},
		Rows: [][]compliance.Cell{
			{
				{compliance.Msg(compliance.CodeText, compliance.Text("Elevadministration"))},
				{compliance.Msg(compliance.CodeText, compliance.Names(compliance.CategoriesOf(compliance.Identity, compliance.Health).All()))},
				{compliance.Msg(compliance.CodeText, compliance.DateArg(compliance.Date{Year: 2025, Month: 1, Day: 15}))},
			},
			{
				{compliance.Msg(compliance.CodeText, compliance.Text("=HYPERLINK(\"x\")")), compliance.Msg(compliance.CodeText, compliance.Text("b"))},
				nil,
				{compliance.Msg(compliance.CodeText, compliance.Text("-1"))},
			},
		},
	}
}

// The header is localised, the separator is the locale's, lists of names
// that themselves contain commas are joined with semicolons (and the cell is
// quoted), and formula-like cells are neutralised.
func TestPrinterCSV(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want string
	}{
		{"da", "Behandlingsaktivitet;Kategorier af personoplysninger;Senest gennemgået\r\n" +
			"Elevadministration;\"identifikationsoplysninger (navn, fødselsdato, køn); helbredsoplysninger\";15. januar 2025\r\n" +
			"\"'=HYPERLINK(\"\"x\"\"); b\";;'-1\r\n"},
		{"en", "Processing activity,Categories of personal data,Last reviewed\r\n"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, i18n.NewPrinter(language.MustParse(tt.lang)).CSV(&b, tableFixture()))
			assert.True(t, strings.HasPrefix(b.String(), tt.want), "got %q", b.String())
			r := csv.NewReader(&b)
			if tt.lang != "en" {
				r.Comma = ';'
			}
			rows, err := r.ReadAll()
			require.NoError(t, err)
			assert.Len(t, rows, 3)
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestPrinterCSVWriteError(t *testing.T) {
	assert.Error(t, i18n.NewPrinter(language.English).CSV(failWriter{}, tableFixture()))
}
