package art30_test

import (
	"bytes"
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/record/recordtest"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/interop/art30"
)

var (
	ctrl    = compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-4000-8000-0000000000c2")}
	kommune = record.Party{Name: "Eksempel kommune", Jurisdiction: compliance.NO, PublicAuthority: true,
		Contact: record.ContactDetails{Email: "postmottak@eksempel.kommune.no"}}
	now = time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC)
)

func newRegister(t testing.TB) *record.Register {
	r, err := record.NewRegister(recordtest.NewMemStore(), &record.Options{Jurisdiction: compliance.NO,
		Options: compliance.Options{Now: func() time.Time { return now }}})
	require.NoError(t, err)
	return r
}

func read(t testing.TB, name string, tpl art30.Template) *art30.Sheet {
	f, err := os.Open("testdata/" + name)
	require.NoError(t, err)
	defer f.Close()
	s, err := art30.Read(f, tpl)
	require.NoError(t, err)
	return s
}

func all(t *testing.T, r *record.Register) []record.Activity {
	var out []record.Activity
	for a, err := range r.Activities(context.Background(), ctrl, record.Filter{}) {
		require.NoError(t, err)
		out = append(out, a)
	}
	return out
}

func options() art30.Options {
	return art30.Options{Controller: kommune, Mapping: art30.Mapping{
		Subjects: map[string]compliance.SubjectCategory{"foreldre": compliance.Parents, "eldre": compliance.Elderly},
	}}
}

func TestReadControllerTemplate(t *testing.T) {
	// A BOM, ';' separators, a title row above the headings, the
	// headings in the wording of fdk #2736, an extra column of the
	// kommune's own and a blank row.
	s := read(t, "behandlingsansvarlig.csv", art30.Controller)
	require.Len(t, s.Rows, 4)
	assert.Equal(t, 4, s.Rows[0].Line)
	assert.Equal(t, "Elevadministrasjon", s.Rows[0].Cells["Behandlingsaktivitet"])
	require.Len(t, s.Issues, 1)
	assert.Equal(t, art30.CodeHeadingUnknown, s.Issues[0].Code)
	assert.Equal(t, interop.Source{System: "art30", Row: 3, Field: "Ansvarlig avdeling"}, s.Issues[0].Source)
	// The formula written in the file is read as text (and will be
	// guarded on export).
	assert.Equal(t, `=HYPERLINK("http://eksempel.invalid")`, s.Rows[2].Cells["Generell beskrivelse av tekniske og organisatoriske sikkerhetstiltak"])
}

func TestPlanAndApplyControllerTemplate(t *testing.T) {
	reg := newRegister(t)
	ctx := context.Background()
	b, err := art30.Plan(ctx, reg, ctrl, read(t, "behandlingsansvarlig.csv", art30.Controller), options())
	require.NoError(t, err)
	r := b.Report()
	assert.True(t, r.DryRun)
	assert.False(t, r.Blocked(), "%+v", r.Issues)
	assert.Equal(t, 4, r.Count(interop.Create))
	assert.Empty(t, all(t, reg), "a dry run writes nothing")

	acts := b.Planned()
	elev := acts[0]
	assert.Equal(t, record.RoleController, elev.Role)
	assert.Equal(t, record.Draft, elev.Status)
	assert.Equal(t, []string{"Administrasjon av elevenes skolegang", "Kontakt med foresatte"}, []string{elev.Purposes[0].Name, elev.Purposes[1].Name})
	assert.Equal(t, compliance.SubjectsOf(compliance.Pupils, compliance.Parents), elev.Subjects)
	assert.Equal(t, compliance.CategoriesOf(compliance.Identity, compliance.Contact, compliance.Health), elev.Data)
	assert.Equal(t, "Slettes fem år etter avsluttet skolegang", elev.Erasure.Text)

	sky := acts[1]
	require.Len(t, sky.Transfers, 1)
	assert.Equal(t, compliance.MustCountry("US"), sky.Transfers[0].Country)
	assert.Equal(t, "Eksempel Sky Inc.", sky.Transfers[0].Recipient, "the row's only recipient")
	assert.Equal(t, "EUs standardavtaler (2021/914) og tilleggstiltak", sky.Transfers[0].Documentation)

	// "sosiale forhold" is not a name of tillid's categories; its row starts on line 12 of the file (cells above span lines).
	assert.True(t, slices.ContainsFunc(r.Issues, func(i interop.Issue) bool {
		return i.Code == interop.CodeUnmapped && i.Value == "sosiale forhold" && i.Source.Row == 12 && i.Source.Field == "Kategorier av personopplysninger"
	}), "%+v", r.Issues)

	rep, err := b.Apply(ctx, reg)
	require.NoError(t, err)
	assert.Len(t, rep.Written, 4)
	assert.Len(t, all(t, reg), 4)

	// The same file again: nothing changes.
	b2, err := art30.Plan(ctx, reg, ctrl, read(t, "behandlingsansvarlig.csv", art30.Controller), options())
	require.NoError(t, err)
	assert.Equal(t, 4, b2.Report().Count(interop.Unchanged), "%+v", b2.Report().Changes)
}

func TestUpdateKeepsWhatTheTemplateDoesNotHold(t *testing.T) {
	reg := newRegister(t)
	ctx := context.Background()
	b, err := art30.Plan(ctx, reg, ctrl, read(t, "behandlingsansvarlig.csv", art30.Controller), options())
	require.NoError(t, err)
	_, err = b.Apply(ctx, reg)
	require.NoError(t, err)
	var elev record.Activity
	for _, a := range all(t, reg) {
		if a.Name == "Elevadministrasjon" {
			elev = a
		}
	}
	elev.Purposes[0].Basis = compliance.PublicTask
	elev.Owner.System = "Visma Flyt Skole"
	_, err = reg.UpdateActivity(ctx, ctrl, elev)
	require.NoError(t, err)

	csv := strings.Replace(mustRead(t, "behandlingsansvarlig.csv"), "Tilgangsstyring og logging", "Tilgangsstyring, logging og kryptering", 1)
	s, err := art30.Read(strings.NewReader(csv), art30.Controller)
	require.NoError(t, err)
	b2, err := art30.Plan(ctx, reg, ctrl, s, options())
	require.NoError(t, err)
	require.Equal(t, 1, b2.Report().Count(interop.Update))
	_, err = b2.Apply(ctx, reg)
	require.NoError(t, err)
	got, err := reg.Activity(ctx, ctrl, elev.ID)
	require.NoError(t, err)
	assert.Equal(t, "Tilgangsstyring, logging og kryptering", got.Security.Description)
	assert.Equal(t, compliance.PublicTask, got.Purposes[0].Basis, "the basis of a purpose of the same name is kept")
	assert.Equal(t, "Visma Flyt Skole", got.Owner.System)
}

func mustRead(t *testing.T, name string) string {
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return string(b)
}

func TestProcessorTemplateWithCommas(t *testing.T) {
	reg := newRegister(t)
	s := read(t, "databehandler.csv", art30.Processor)
	b, err := art30.Plan(context.Background(), reg, ctrl, s, options())
	require.NoError(t, err)
	require.Equal(t, 1, b.Report().Count(interop.Create), "%+v", b.Report().Issues)
	a := b.Planned()[0]
	assert.Equal(t, record.RoleProcessor, a.Role)
	require.Len(t, a.OnBehalfOf, 2)
	assert.Equal(t, "Annen kommune", a.OnBehalfOf[1].Controller.Name)
	assert.Equal(t, []string{"Lønnskjøring", "Lagring"}, a.OnBehalfOf[0].Processing)
}

func TestBlockingProblemsWriteNothing(t *testing.T) {
	for name, csv := range map[string]string{
		"duplicate activity": "Behandlingsaktivitet;Formål med behandlingen\nLønn;Lønn\nlønn;Lønn\n",
		"unknown country":    "Behandlingsaktivitet;Kategorier av mottakere;Overføring til tredjeland eller internasjonale organisasjoner\nSky;A;Atlantis\n",
		"no recipient":       "Behandlingsaktivitet;Kategorier av mottakere;Overføring til tredjeland eller internasjonale organisasjoner\nSky;\"A\nB\";USA\n",
		"transfer to EEA":    "Behandlingsaktivitet;Overføring til tredjeland eller internasjonale organisasjoner\nSky;Sverige: Eksempel AB\n",
	} {
		t.Run(name, func(t *testing.T) {
			reg := newRegister(t)
			s, err := art30.Read(strings.NewReader(csv), art30.Controller)
			require.NoError(t, err)
			b, err := art30.Plan(context.Background(), reg, ctrl, s, options())
			require.NoError(t, err)
			assert.True(t, b.Report().Blocked(), "%+v", b.Report().Issues)
			_, err = b.Apply(context.Background(), reg)
			require.ErrorIs(t, err, interop.ErrBlocked)
			assert.Empty(t, all(t, reg))
		})
	}
}

func TestReadRejectsWhatIsNotAProtokoll(t *testing.T) {
	for name, in := range map[string]string{
		"no heading":     "Navn;Alder\nx;y\n",
		"bad quoting":    "Behandlingsaktivitet;Formål med behandlingen\n\"Lønn;x\n\"a\"b;c\n",
		"not UTF-8":      "Behandlingsaktivitet\n\xff\xfe\n",
		"missing column": "Formål med behandlingen\nx\n",
		"repeated":       "Behandlingsaktivitet;Behandling\nx;y\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := art30.Read(strings.NewReader(in), art30.Controller)
			require.ErrorIs(t, err, art30.ErrFormat)
			assert.NotContains(t, err.Error(), "Lønn")
		})
	}
	_, err := art30.Read(strings.NewReader("Behandlingsaktivitet;Behandlingsansvarlig\nx;y\n"), art30.Controller)
	require.NoError(t, err, "Behandlingsansvarlig is no column of the controller template: reported, not refused")
	_, err = art30.Read(strings.NewReader("Behandlingsaktivitet\nx\n"), art30.Processor)
	require.ErrorIs(t, err, art30.ErrFormat, "the processor template needs Behandlingsansvarlig")
}

// Export and import give the same records: the register can move to a
// spreadsheet and back.
func TestRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		file string
		tpl  art30.Template
		opts art30.WriteOptions
	}{
		{"behandlingsansvarlig.csv", art30.Controller, art30.WriteOptions{}},
		{"behandlingsansvarlig.csv", art30.Controller, art30.WriteOptions{Comma: ',', NoBOM: true}},
		{"databehandler.csv", art30.Processor, art30.WriteOptions{}},
	} {
		reg := newRegister(t)
		ctx := context.Background()
		b, err := art30.Plan(ctx, reg, ctrl, read(t, tt.file, tt.tpl), options())
		require.NoError(t, err)
		_, err = b.Apply(ctx, reg)
		require.NoError(t, err)

		var out bytes.Buffer
		require.NoError(t, art30.Write(&out, tt.tpl, all(t, reg), &tt.opts))
		s, err := art30.Read(bytes.NewReader(out.Bytes()), tt.tpl)
		require.NoError(t, err, out.String())
		b2, err := art30.Plan(ctx, reg, ctrl, s, options())
		require.NoError(t, err)
		assert.Equal(t, len(s.Rows), b2.Report().Count(interop.Unchanged), "%s %+v %+v", tt.file, b2.Report().Changes, b2.Report().Issues)
	}
}

func TestWriteGuardsFormulas(t *testing.T) {
	// OWASP "CSV Injection": a cell starting with =, +, -, @, tab or CR
	// is written with a leading apostrophe.
	acts := []record.Activity{{Role: record.RoleController, Name: "@SUM(1+1)", Security: record.Security{Description: `=HYPERLINK("http://eksempel.invalid")`},
		Erasure: record.Erasure{Text: "-5 år"}, Purposes: []record.Purpose{{Name: "+formål"}}}}
	var out bytes.Buffer
	require.NoError(t, art30.Write(&out, art30.Controller, acts, &art30.WriteOptions{NoBOM: true}))
	lines := strings.SplitN(out.String(), "\r\n", 3)
	row := lines[1]
	assert.Contains(t, row, `'@SUM(1+1)`)
	assert.Contains(t, row, `'-5 år`)
	assert.Contains(t, row, `'+formål`)
	assert.Contains(t, row, `"'=HYPERLINK(""http://eksempel.invalid"")"`)
	for _, cell := range strings.Split(row, ";") {
		assert.False(t, strings.HasPrefix(strings.TrimPrefix(cell, `"`), "="), cell)
	}
	s, err := art30.Read(bytes.NewReader(out.Bytes()), art30.Controller)
	require.NoError(t, err)
	assert.Equal(t, "@SUM(1+1)", s.Rows[0].Cells["Behandlingsaktivitet"], "the guard is removed on import")
}
