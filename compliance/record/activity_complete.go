package record

import (
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/check"
	"github.com/tillid/tillid/internal/enum"
)

// CodeMissing is the finding of [Activity.Missing]: "The record does not
// state %[1]s." (the [Field]).
const CodeMissing compliance.Code = "compliance.activity.missing"

// Field is an item of content Art 30 asks a record of processing
// activities to state. [Activity.Missing] names the missing ones. The zero
// value is invalid.
type Field uint8

// Record fields.

const FieldControllerName Field = 1    // Art 30(1)(a) / 30(2)(a): the name of the controller (processor)
const FieldControllerContact Field = 2 // Art 30(1)(a) / 30(2)(a): its contact details
const FieldDPO Field = 3               // Art 30(1)(a) / 30(2)(a): the contact details of the data protection officer
const FieldPurposes Field = 4          // Art 30(1)(b): the purposes of the processing
const FieldSubjects Field = 5          // Art 30(1)(c): the categories of data subjects
const FieldData Field = 6              // Art 30(1)(c): the categories of personal data
const FieldRecipients Field = 7        // Art 30(1)(d): the categories of recipients
const FieldTransfers Field = 8         // Art 30(1)(e) / 30(2)(c): the transfers to third countries
const FieldErasure Field = 9           // Art 30(1)(f): the time limits for erasure
const FieldSecurity Field = 10         // Art 30(1)(g) / 30(2)(d): the security measures
const FieldOnBehalfOf Field = 11       // Art 30(2)(a): the controllers on whose behalf the processor acts
const FieldClientContact Field = 12    // Art 30(2)(a): the contact details of such a controller
const FieldProcessing Field = 13       // Art 30(2)(b): the categories of processing carried out for it

var recordFields = enum.New[Field]("record-field", "compliance.activity.field", compliance.UnknownCode,
	"controller-name", "controller-contact", "dpo", "purposes", "subjects", "data", "recipients",
	"transfers", "erasure", "security", "on-behalf-of", "client-contact", "processing")

// ParseField returns the Field with the given code.
func ParseField(s string) (Field, error) { return recordFields.Parse(s) }

// AllFields yields every Field.
func AllFields() iter.Seq[Field] { return recordFields.All() }

// String returns the stable code.
func (f Field) String() string { return recordFields.String(f) }

// Key returns the i18n message key.
func (f Field) Key() string { return recordFields.Key(f) }

// Valid reports whether f is a known Field.
func (f Field) Valid() bool { return recordFields.Valid(f) }

// MarshalText implements [encoding.TextMarshaler].
func (f Field) MarshalText() ([]byte, error) { return recordFields.MarshalText(f) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (f *Field) UnmarshalText(b []byte) error { return recordFields.UnmarshalText(f, b) }

// The points of Art 30 each Field answers, and Art 37(1)(a).
var (
	refsArt30_1a = compliance.RefsOf(compliance.GDPR(30, 1, "a"))
	refsArt30_1b = compliance.RefsOf(compliance.GDPR(30, 1, "b"))
	refsArt30_1c = compliance.RefsOf(compliance.GDPR(30, 1, "c"))
	refsArt30_1d = compliance.RefsOf(compliance.GDPR(30, 1, "d"))
	refsArt30_1e = compliance.RefsOf(compliance.GDPR(30, 1, "e"), compliance.GDPR(44, 0, ""))
	refsArt30_1f = compliance.RefsOf(compliance.GDPR(30, 1, "f"))
	refsArt30_1g = compliance.RefsOf(compliance.GDPR(30, 1, "g"), compliance.GDPR(32, 1, ""))
	refsArt30_2a = compliance.RefsOf(compliance.GDPR(30, 2, "a"))
	refsArt30_2b = compliance.RefsOf(compliance.GDPR(30, 2, "b"))
	refsArt30_2c = compliance.RefsOf(compliance.GDPR(30, 2, "c"), compliance.GDPR(44, 0, ""))
	refsArt30_2d = compliance.RefsOf(compliance.GDPR(30, 2, "d"), compliance.GDPR(32, 1, ""))
	refsDPO1     = compliance.RefsOf(compliance.GDPR(30, 1, "a"), compliance.GDPR(37, 1, "a"))
	refsDPO2     = compliance.RefsOf(compliance.GDPR(30, 2, "a"), compliance.GDPR(37, 1, "a"))
)

// Missing returns a finding for every item of Art 30 content the record
// does not state, each with the point of Art 30 that asks for it, the
// [Field] as its argument and the JSON path of the field as its
// subject. The findings belong to the principle of accountability
// (Art 5(2)).
//
// For a controller's record (Art 30(1)): the controller's name and contact
// details and, for a public authority, which must designate a data
// protection officer (Art 37(1)(a)), the officer's contact details (a); the
// purposes (b); the categories of data subjects and of personal data (c);
// the recipients, or noRecipients (d); a transfer for every recipient
// established outside the EEA (e); the time limits for erasure (f) and the
// security measures (g). For a processor's record (Art 30(2)): its name and
// contact details, the officer's, and each controller on whose behalf it
// acts with contact details (a); the categories of processing carried out
// for each (b); transfers (c); the security measures (d).
//
// Items the article asks for "where possible" — the time limits for
// erasure and the description of security measures — are warnings. The
// others are violations in an approved record and warnings in a draft,
// which is work in progress. A recipient whose country is EEAUnsettled
// (Svalbard and Jan Mayen, Gibraltar) is not reported.
func (a Activity) Missing() []compliance.Finding {
	fs := a.appendMissing(nil)
	compliance.Detach(fs)
	return fs
}

func (a *Activity) appendMissing(fs []compliance.Finding) []compliance.Finding {
	mandatory := compliance.Warning
	if a.Status == Approved {
		mandatory = compliance.Violation
	}
	add := func(sev compliance.Severity, f Field, refs compliance.Refs, subject string) {
		fs = append(fs, compliance.Finding{Code: CodeMissing, Severity: sev, Principle: compliance.Accountability,
			Refs: refs, Args: []compliance.Arg{compliance.Name(f)}, Subject: subject})
	}
	processor := a.Role == RoleProcessor
	pa, pd := refsArt30_1a, refsDPO1
	if processor {
		pa, pd = refsArt30_2a, refsDPO2
	}
	if a.Controller.Name == "" {
		add(mandatory, FieldControllerName, pa, "controller.name")
	}
	if !a.Controller.Contact.reachable() {
		add(mandatory, FieldControllerContact, pa, "controller.contact")
	}
	if a.publicAuthority() && !a.DPO.reachable() {
		add(mandatory, FieldDPO, pd, "dpo")
	}
	if processor {
		if len(a.OnBehalfOf) == 0 {
			add(mandatory, FieldOnBehalfOf, refsArt30_2a, "onBehalfOf")
		}
		for i := range a.OnBehalfOf {
			f := &a.OnBehalfOf[i]
			if !f.Controller.Contact.reachable() {
				add(mandatory, FieldClientContact, refsArt30_2a, check.Index("onBehalfOf", i)+".controller.contact")
			}
			if len(f.Processing) == 0 {
				add(mandatory, FieldProcessing, refsArt30_2b, check.Index("onBehalfOf", i)+".processing")
			}
		}
		fs = a.appendMissingTransfers(fs, mandatory, refsArt30_2c)
		if len(a.Security.Measures) == 0 && a.Security.Description == "" {
			add(compliance.Warning, FieldSecurity, refsArt30_2d, "security")
		}
		return fs
	}
	if len(a.Purposes) == 0 {
		add(mandatory, FieldPurposes, refsArt30_1b, "purposes")
	}
	if a.Subjects == 0 {
		add(mandatory, FieldSubjects, refsArt30_1c, "subjects")
	}
	if a.Data == 0 {
		add(mandatory, FieldData, refsArt30_1c, "data")
	}
	if len(a.Recipients) == 0 && len(a.Processors) == 0 && !a.NoRecipients {
		add(mandatory, FieldRecipients, refsArt30_1d, "recipients")
	}
	fs = a.appendMissingTransfers(fs, mandatory, refsArt30_1e)
	if a.Erasure.Period.IsZero() && a.Erasure.Rule.IsZero() {
		add(compliance.Warning, FieldErasure, refsArt30_1f, "erasure")
	}
	if len(a.Security.Measures) == 0 && a.Security.Description == "" {
		add(compliance.Warning, FieldSecurity, refsArt30_1g, "security")
	}
	return fs
}

// appendMissingTransfers reports each recipient established in a third
// country to which no transfer is recorded.
func (a *Activity) appendMissingTransfers(fs []compliance.Finding, sev compliance.Severity, refs compliance.Refs) []compliance.Finding {
	for i := range a.Recipients {
		c := a.Recipients[i].Country
		if !c.Valid() || c.EEA() || c.EEAUnsettled() || a.transfersTo(c) {
			continue
		}
		fs = append(fs, compliance.Finding{Code: CodeMissing, Severity: sev, Principle: compliance.Accountability,
			Refs: refs, Args: []compliance.Arg{compliance.Name(FieldTransfers)}, Subject: check.Index("recipients", i) + ".country"})
	}
	return fs
}

// transfersTo reports whether a transfer to c is recorded.
func (a *Activity) transfersTo(c compliance.Country) bool {
	for i := range a.Transfers {
		if a.Transfers[i].Country == c {
			return true
		}
	}
	return false
}
