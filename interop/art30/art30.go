// Package art30 reads and writes records of processing activities (Art 30
// GDPR) in the columns of the Norwegian Datatilsynet's templates: the
// "protokoll over behandlingsaktiviteter" of a behandlingsansvarlig (Art
// 30(1)) and of a databehandler (Art 30(2)), which Norwegian kommuner keep
// as spreadsheets. Files are CSV as a spreadsheet saves them: separated by
// semicolons or commas (detected from the heading row), with or without a
// UTF-8 byte-order mark, with rows of title text above the headings.
//
// The headings are the items of Art 30 as Datatilsynet words them
// (datatilsynet.no, "Protokoll over behandlingsaktiviteter", and the
// mandatory fields of Datatilsynet's template as listed in
// Informasjonsforvaltning/fdk issue #2736). The exact heading texts of the
// spreadsheets are not verified against the files themselves, so each
// column accepts its aliases, compared case-insensitively ([Column]); a
// heading that matches no column is reported and its cells are not read.
//
// A cell may hold several items, one per line or separated by semicolons
// (in a comma-separated file) or by " ; ". Categories of data subjects and
// of personal data are read by their names in tillid's vocabulary (in
// bokmål, nynorsk, Danish or English, or their codes) and by the
// [Mapping]; a name neither knows is reported, never guessed.
//
// Import goes through [Plan] (a dry run: the report, nothing written) and
// [Batch.Apply]; export through [Write], with a guard against formula
// injection. Activities are identified by role and name: re-importing the
// same file changes nothing.
package art30

import (
	"strings"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/interop"
)

// System is the name of this source in reports and derived identities.
const System = "art30"

// Template is one of Datatilsynet's two templates.
type Template uint8

// Templates.
const (
	// Controller is the behandlingsansvarlig's protokoll (Art 30(1)).
	Controller Template = iota + 1
	// Processor is the databehandler's protokoll (Art 30(2)).
	Processor
)

// field is what a column holds.
type field uint8

const (
	fName field = iota + 1
	fPurposes
	fSubjects
	fData
	fRecipients
	fTransfers
	fGuarantees
	fErasure
	fSecurity
	fJoint
	fOnBehalfOf
	fProcessing
	fDescription
)

// Column is a column of a template: the heading [Write] writes, and the
// aliases [Plan] also accepts.
type Column struct {
	// Heading is the heading written on export.
	Heading string
	// Aliases are other headings read as this column.
	Aliases []string
	// Required records that a file without the column is refused.
	Required bool
	field    field
}

// Columns returns the columns of template t in their export order.
func Columns(t Template) []Column {
	name := Column{Heading: "Behandlingsaktivitet", Aliases: []string{"Navn på behandlingsaktivitet", "Tittel på behandlingsaktivitet", "Behandling"}, Required: true, field: fName}
	transfers := Column{Heading: "Overføring til tredjeland eller internasjonale organisasjoner",
		Aliases: []string{"Navn på tredjeland eller internasjonale organisasjoner som personopplysninger overføres til", "Overføring til tredjestat eller internasjonal organisasjon", "Tredjeland"}, field: fTransfers}
	guarantees := Column{Heading: "Nødvendige garantier ved overføring",
		Aliases: []string{"Nødvendige garantier ved overføring til tredjeland eller internasjonale organisasjoner", "Garantier"}, field: fGuarantees}
	security := Column{Heading: "Generell beskrivelse av tekniske og organisatoriske sikkerhetstiltak",
		Aliases: []string{"Tekniske og organisatoriske sikkerhetstiltak", "Sikkerhetstiltak"}, field: fSecurity}
	if t == Processor {
		return []Column{
			name,
			{Heading: "Behandlingsansvarlig", Aliases: []string{"Navn og kontaktopplysninger til behandlingsansvarlig", "Behandlingsansvarlig som databehandleren opptrer på vegne av"}, Required: true, field: fOnBehalfOf},
			{Heading: "Kategorier av behandling", Aliases: []string{"Kategorier av behandling utført på vegne av behandlingsansvarlig"}, field: fProcessing},
			transfers, guarantees, security,
		}
	}
	return []Column{
		name,
		{Heading: "Beskrivelse", Aliases: []string{"Beskrivelse av behandlingen"}, field: fDescription},
		{Heading: "Formål med behandlingen", Aliases: []string{"Formål", "Formålet med behandlingen"}, field: fPurposes},
		{Heading: "Kategorier av registrerte", Aliases: []string{"Registrerte", "Kategorier av registrerte personer"}, field: fSubjects},
		{Heading: "Kategorier av personopplysninger", Aliases: []string{"Personopplysninger", "Typer personopplysninger"}, field: fData},
		{Heading: "Kategorier av mottakere", Aliases: []string{"Mottakere"}, field: fRecipients},
		transfers, guarantees,
		{Heading: "Planlagte tidsfrister for sletting", Aliases: []string{"Tidsfrister for sletting", "Sletting"}, field: fErasure},
		security,
		{Heading: "Felles behandlingsansvarlig", Aliases: []string{"Navn og kontaktopplysninger til felles behandlingsansvarlig", "Felles behandlingsansvarlige"}, field: fJoint},
	}
}

// match returns the column of t a heading names.
func match(t Template, heading string) (Column, bool) {
	h := interop.Norm(heading)
	for _, c := range Columns(t) {
		if interop.Norm(c.Heading) == h {
			return c, true
		}
		for _, a := range c.Aliases {
			if interop.Norm(a) == h {
				return c, true
			}
		}
	}
	return Column{}, false
}

// Mapping adds a kommune's own names of categories to tillid's. Keys are
// compared by [interop.Norm].
type Mapping struct {
	// Subjects maps names of categories of data subjects.
	Subjects map[string]compliance.SubjectCategory `json:"subjects,omitempty"`
	// Data maps names of categories of personal data.
	Data map[string]compliance.DataCategory `json:"data,omitempty"`
	// Countries maps names of third countries.
	Countries map[string]compliance.Country `json:"countries,omitempty"`
}

func (m Mapping) subject(s string) (compliance.SubjectCategory, bool) {
	for k, v := range m.Subjects {
		if interop.Norm(k) == interop.Norm(s) {
			return v, true
		}
	}
	return interop.SubjectCategoryByName(s)
}

func (m Mapping) data(s string) (compliance.DataCategory, bool) {
	for k, v := range m.Data {
		if interop.Norm(k) == interop.Norm(s) {
			return v, true
		}
	}
	return interop.DataCategoryByName(s)
}

func (m Mapping) country(s string) (compliance.Country, bool) {
	for k, v := range m.Countries {
		if interop.Norm(k) == interop.Norm(s) {
			return v, true
		}
	}
	return interop.CountryByName(s)
}

// items splits a cell into its items: one per line, and within a line by
// semicolons; empty items are dropped.
func items(cell string) []string {
	var out []string
	for _, line := range strings.FieldsFunc(cell, func(r rune) bool { return r == '\n' || r == '\r' || r == ';' }) {
		if s := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- ")); s != "" {
			out = append(out, s)
		}
	}
	return out
}
