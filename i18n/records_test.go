package i18n_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/i18n"
)

// TestRecordsNames walks every vocabulary of package compliance's records of
// processing, requests and register export.
func TestRecordsNames(t *testing.T) {
	checkNames(t, "role", record.AllRoles())
	checkNames(t, "activity-status", record.AllStatuses())
	checkNames(t, "recipient-kind", record.AllRecipientKinds())
	checkNames(t, "disclosure-ground", record.AllDisclosureGrounds())
	checkNames(t, "safeguard", record.AllSafeguards())
	checkNames(t, "erasure-start", record.AllErasureStarts())
	checkNames(t, "measure", record.AllMeasures())
	checkNames(t, "id-condition", record.AllIDConditions())
	checkNames(t, "screening", record.AllScreenings())
	checkNames(t, "scheme", compliance.AllSchemes())
	checkNames(t, "record-field", record.AllFields())
	checkNames(t, "request-kind", rights.AllKinds())
	checkNames(t, "channel", rights.AllChannels())
	checkNames(t, "request-status", rights.AllStatuses())
	checkNames(t, "verification-method", rights.AllVerificationMethods())
	checkNames(t, "extension-reason", rights.AllExtensionReasons())
	checkNames(t, "refusal-ground", rights.AllRefusalGrounds())
	checkNames(t, "erasure-status", rights.AllErasureStatuses())
	checkNames(t, "erasure-ground", rights.AllErasureGrounds())
	checkNames(t, "extension-method", rights.AllExtensionMethods())
	checkNames(t, "export-field", record.AllExportFields())
}

// TestRecordsCodes renders every finding and message code of the records
// area with the arguments its producer passes.
func TestRecordsCodes(t *testing.T) {
	name := compliance.Text("Elevadministration")
	day := compliance.DateArg(compliance.Date{Year: 2025, Month: time.April, Day: 22})
	kind := compliance.Name(rights.Access)
	cats := compliance.Names(compliance.CategoriesOf(compliance.Health, compliance.NationalID).All())
	args := map[compliance.Code][]compliance.Arg{
		record.CodeMissing:                   {compliance.Name(record.FieldPurposes)},
		record.CodeNoBasis:                   {name},
		record.CodeNationalBasis:             {name, compliance.Name(compliance.PublicTask)},
		record.CodeLegitimateInterestsPublic: {name},
		record.CodeConsentPublic:             {name},
		record.CodeChildConsentAge:           {name, compliance.Int(13), compliance.Int(15), day},
		record.CodeChildConsentAgeMissing:    {name, compliance.Int(15)},
		record.CodeSpecialNoCondition:        {compliance.Names(compliance.CategoriesOf(compliance.Health).All())},
		record.CodeSpecialNationalRule: {compliance.Names(slices.Values([]compliance.SpecialCondition{
			compliance.HealthSocialCare, compliance.SubstantialPublicInterest}))},
		record.CodeSpecialPermission:     nil,
		record.CodeCriminalNoBasis:       nil,
		record.CodeCriminalDisclosure:    {compliance.Text("Ekstern leverandør A/S")},
		record.CodeCPRCondition:          nil,
		record.CodeCPRPublished:          nil,
		record.CodeFNRCondition:          nil,
		record.CodeTransferNoSafeguard:   {compliance.CountryArg(compliance.MustCountry("US"))},
		record.CodePurposeNoData:         {name},
		record.CodeDataWithoutPurpose:    {cats},
		record.CodeNoTimeLimit:           nil,
		record.CodeNoSecurity:            nil,
		record.CodeEncryptionInTransit:   {cats},
		record.CodeDPIAMissing:           nil,
		record.CodeDPIALargeScale:        nil,
		record.CodeDPIANotScreened:       nil,
		record.CodeProcessorUnregistered: {compliance.Text("Skyleverandør Inc.")},
		record.CodeProcessorUnnamed:      nil,
		record.CodeReviewOverdue:         {day},
		record.CodeDraft:                 nil,
		record.CodeNoFindings:            nil,

		rights.CodeRequestDue:          {kind, day},
		rights.CodeRequestDueExtended:  {kind, day},
		rights.CodeRequestOverdue:      {kind, day},
		rights.CodeRequestAnsweredLate: {kind, day},
		rights.CodeRequestRefusedLate:  {kind, day},
		rights.CodeExtensionLate:       {day},
		rights.CodeErasurePending:      nil,
		rights.CodeIdentityUnverified:  nil,

		record.CodeRegisterTitle:               {compliance.Text("Aarhus Kommune")},
		record.CodeRegisterGenerated:           {day, compliance.Int(3)},
		record.CodeRegisterProcessorRecord:     nil,
		record.CodeRegisterEntries:             {compliance.Int(2)},
		record.CodeRegisterNone:                nil,
		record.CodeRegisterNotStated:           nil,
		record.CodeRegisterPurpose:             {name, compliance.Name(compliance.PublicTask)},
		record.CodeRegisterPurposeNational:     {name, compliance.Name(compliance.PublicTask), compliance.RefArg(compliance.Section(compliance.DKAct, "folkeskoleloven", "46", 0, ""))},
		record.CodeRegisterPurposeNoBasis:      {name},
		record.CodeRegisterRecipient:           {name, compliance.CountryArg(compliance.MustCountry("DK"))},
		record.CodeRegisterTransfer:            {name, compliance.CountryArg(compliance.MustCountry("US")), compliance.Name(record.SafeguardStandardClauses)},
		record.CodeRegisterTransferNoSafeguard: {name, compliance.CountryArg(compliance.MustCountry("US"))},
		record.CodeRegisterErasurePeriod:       {compliance.PeriodArg(compliance.Years(5)), compliance.Name(record.FromCaseClosed)},
		record.CodeRegisterErasureRule:         {compliance.Text("00000000-0000-7000-8000-000000000001")},
		record.CodeRegisterDPIA:                {compliance.Text("00000000-0000-7000-8000-000000000001")},
		record.CodeRegisterScreening:           {compliance.Name(record.DPIARequired)},
		record.CodeRegisterProcessor:           {name, compliance.Text("00000000-0000-7000-8000-000000000001")},
		record.CodeRegisterClassification:      {compliance.Name(compliance.KLE), compliance.Text("17.01.00")},
		record.CodeRegisterPartyCVR:            {name, compliance.Text("55133018")},
		record.CodeRegisterPartyOrgNr:          {name, compliance.Text("964965226")},
		record.CodeRegisterOnBehalfOf:          {name, compliance.Text("drift af ESDH")},
		record.CodeRegisterPublished:           nil,
		record.CodeRegisterPublishedNoConsent:  nil,
		record.CodeRegisterLargeScale:          nil,
		record.CodeRegisterSubjectCount:        {compliance.Int(12000)},
		record.CodeRegisterProcessorLabel:      nil,
		record.CodeRegisterProcessorsOnly:      nil,
	}
	for f := range record.AllExportFields() {
		args[compliance.Code(f.Key())] = nil
	}
	for _, list := range [][]compliance.Code{record.AssessCodes(), rights.Codes(), record.RegisterCodes()} {
		for _, c := range list {
			if _, ok := args[c]; !ok {
				t.Errorf("code %s has no test arguments", c)
			}
			assert.True(t, strings.HasPrefix(string(c), "compliance."), "code %s is outside the records area", c)
		}
	}
	checkCodes(t, args)
}

// TestRecordsMessages checks a few renderings word for word: the terms of
// the Danish and Norwegian GDPR texts (GLOSSARY.md) and the plural forms.
func TestRecordsMessages(t *testing.T) {
	day := compliance.DateArg(compliance.Date{Year: 2024, Month: time.June, Day: 1})
	for _, tt := range []struct {
		lang string
		msg  compliance.Message
		want string
	}{
		{"da", compliance.Msg(record.CodeMissing, compliance.Name(record.FieldPurposes)),
			"Fortegnelsen angiver ikke formålene med behandlingen for denne behandlingsaktivitet."},
		{"nb", compliance.Msg(record.CodeMissing, compliance.Name(record.FieldDPO)),
			"Protokollen oppgir ikke kontaktopplysningene til personvernombudet for denne behandlingsaktiviteten."},
		{"nn", compliance.Msg(record.CodeMissing, compliance.Name(record.FieldSubjects)),
			"Protokollen gjev ikkje opp kategoriane av registrerte for denne behandlingsaktiviteten."},
		{"da", compliance.Msg(record.CodeChildConsentAge, compliance.Text("Skoleportal"), compliance.Int(13), compliance.Int(15), day),
			"Tjenesten »Skoleportal« accepterer et barns eget samtykke fra 13 år, men den 1. juni 2024 kan et barn kun give samtykke selv fra 15 år. " +
				"Under den alder skal samtykket gives eller godkendes af indehaveren af forældremyndigheden."},
		{"en", compliance.Msg(record.CodeRegisterGenerated, day, compliance.Int(0)),
			"Generated on 1 June 2024. The register holds no processing activities."},
		{"en", compliance.Msg(record.CodeRegisterGenerated, day, compliance.Int(1)),
			"Generated on 1 June 2024. The register holds 1 processing activity."},
		{"nb", compliance.Msg(record.CodeRegisterGenerated, day, compliance.Int(2)),
			"Utarbeidet 1. juni 2024. Protokollen omfatter 2 behandlingsaktiviteter."},
		{"da", compliance.Msg(rights.CodeRequestDue, compliance.Name(rights.Access),
			compliance.DateArg(compliance.Date{Year: 2025, Month: time.April, Day: 22})),
			"Anmodning (indsigt): skal besvares senest den 22. april 2025."},
		{"nn", compliance.Msg(record.CodeRegisterErasurePeriod, compliance.PeriodArg(compliance.Years(5)),
			compliance.Name(record.FromCaseClosed)),
			"5 år frå avsluttinga av saka"},
	} {
		t.Run(tt.lang+"/"+string(tt.msg.Key), func(t *testing.T) {
			p := i18n.NewPrinter(language.MustParse(tt.lang))
			assert.Equal(t, tt.want, p.Message(tt.msg))
		})
	}
}

// TestRecordsFinding renders a finding of Assess with its citation: Art
// 6(1) second subparagraph in each language's style.
func TestRecordsFinding(t *testing.T) {
	a := record.Activity{
		Role: record.RoleController, Name: "Jobcenter", Status: record.Approved,
		Controller: record.Party{Name: "Kommune", Jurisdiction: compliance.DK, PublicAuthority: true},
		Purposes:   []record.Purpose{{Name: "Opfølgning", Basis: compliance.LegitimateInterests}},
	}
	var got *compliance.Finding
	fs := record.Assess(a, time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC), nil)
	for i := range fs {
		if fs[i].Code == record.CodeLegitimateInterestsPublic {
			got = &fs[i]
		}
	}
	require.NotNil(t, got)
	p := i18n.NewPrinter(language.Danish)
	assert.Equal(t, "Formålet »Opfølgning« hviler på legitime interesser, som en offentlig myndighed ikke kan anvende ved behandling, "+
		"der foretages som led i udførelsen af dens opgaver. (databeskyttelsesforordningens artikel 6, stk. 1, 2. afsnit; "+
		"databeskyttelsesforordningens præambelbetragtning 47)", p.Finding(*got))
}
