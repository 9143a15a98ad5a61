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
	"github.com/tillid/tillid/i18n"
)

// TestRecordsNames walks every vocabulary of package compliance's records of
// processing, requests and register export.
func TestRecordsNames(t *testing.T) {
	checkNames(t, "role", compliance.AllRoles())
	checkNames(t, "activity-status", compliance.AllActivityStatuses())
	checkNames(t, "recipient-kind", compliance.AllRecipientKinds())
	checkNames(t, "disclosure-ground", compliance.AllDisclosureGrounds())
	checkNames(t, "safeguard", compliance.AllSafeguards())
	checkNames(t, "erasure-start", compliance.AllErasureStarts())
	checkNames(t, "measure", compliance.AllMeasures())
	checkNames(t, "id-condition", compliance.AllIDConditions())
	checkNames(t, "screening", compliance.AllScreenings())
	checkNames(t, "scheme", compliance.AllSchemes())
	checkNames(t, "record-field", compliance.AllRecordFields())
	checkNames(t, "request-kind", compliance.AllRequestKinds())
	checkNames(t, "channel", compliance.AllChannels())
	checkNames(t, "request-status", compliance.AllRequestStatuses())
	checkNames(t, "verification-method", compliance.AllVerificationMethods())
	checkNames(t, "extension-reason", compliance.AllExtensionReasons())
	checkNames(t, "refusal-ground", compliance.AllRefusalGrounds())
	checkNames(t, "erasure-status", compliance.AllErasureStatuses())
	checkNames(t, "erasure-ground", compliance.AllErasureGrounds())
	checkNames(t, "extension-method", compliance.AllExtensionMethods())
	checkNames(t, "export-field", compliance.AllExportFields())
}

// TestRecordsCodes renders every finding and message code of the records
// area with the arguments its producer passes.
func TestRecordsCodes(t *testing.T) {
	name := compliance.Text("Elevadministration")
	day := compliance.DateArg(compliance.Date{Year: 2025, Month: time.April, Day: 22})
	kind := compliance.Name(compliance.RequestAccess)
	cats := compliance.Names(compliance.CategoriesOf(compliance.Health, compliance.NationalID).All())
	args := map[compliance.Code][]compliance.Arg{
		compliance.CodeMissing:                   {compliance.Name(compliance.FieldPurposes)},
		compliance.CodeNoBasis:                   {name},
		compliance.CodeNationalBasis:             {name, compliance.Name(compliance.PublicTask)},
		compliance.CodeLegitimateInterestsPublic: {name},
		compliance.CodeConsentPublic:             {name},
		compliance.CodeChildConsentAge:           {name, compliance.Int(13), compliance.Int(15), day},
		compliance.CodeChildConsentAgeMissing:    {name, compliance.Int(15)},
		compliance.CodeSpecialNoCondition:        {compliance.Names(compliance.CategoriesOf(compliance.Health).All())},
		compliance.CodeSpecialNationalRule: {compliance.Names(slices.Values([]compliance.SpecialCondition{
			compliance.HealthSocialCare, compliance.SubstantialPublicInterest}))},
		compliance.CodeSpecialPermission:     nil,
		compliance.CodeCriminalNoBasis:       nil,
		compliance.CodeCriminalDisclosure:    {compliance.Text("Ekstern leverandør A/S")},
		compliance.CodeCPRCondition:          nil,
		compliance.CodeCPRPublished:          nil,
		compliance.CodeFNRCondition:          nil,
		compliance.CodeTransferNoSafeguard:   {compliance.CountryArg(compliance.MustCountry("US"))},
		compliance.CodePurposeNoData:         {name},
		compliance.CodeDataWithoutPurpose:    {cats},
		compliance.CodeNoTimeLimit:           nil,
		compliance.CodeNoSecurity:            nil,
		compliance.CodeEncryptionInTransit:   {cats},
		compliance.CodeDPIAMissing:           nil,
		compliance.CodeDPIALargeScale:        nil,
		compliance.CodeDPIANotScreened:       nil,
		compliance.CodeProcessorUnregistered: {compliance.Text("Skyleverandør Inc.")},
		compliance.CodeProcessorUnnamed:      nil,
		compliance.CodeReviewOverdue:         {day},
		compliance.CodeDraft:                 nil,
		compliance.CodeNoFindings:            nil,

		compliance.CodeRequestDue:          {kind, day},
		compliance.CodeRequestDueExtended:  {kind, day},
		compliance.CodeRequestOverdue:      {kind, day},
		compliance.CodeRequestAnsweredLate: {kind, day},
		compliance.CodeRequestRefusedLate:  {kind, day},
		compliance.CodeExtensionLate:       {day},
		compliance.CodeErasurePending:      nil,
		compliance.CodeIdentityUnverified:  nil,

		compliance.CodeRegisterTitle:               {compliance.Text("Aarhus Kommune")},
		compliance.CodeRegisterGenerated:           {day, compliance.Int(3)},
		compliance.CodeRegisterProcessorRecord:     nil,
		compliance.CodeRegisterEntries:             {compliance.Int(2)},
		compliance.CodeRegisterNone:                nil,
		compliance.CodeRegisterNotStated:           nil,
		compliance.CodeRegisterPurpose:             {name, compliance.Name(compliance.PublicTask)},
		compliance.CodeRegisterPurposeNational:     {name, compliance.Name(compliance.PublicTask), compliance.RefArg(compliance.Section(compliance.DKAct, "folkeskoleloven", "46", 0, ""))},
		compliance.CodeRegisterPurposeNoBasis:      {name},
		compliance.CodeRegisterRecipient:           {name, compliance.CountryArg(compliance.MustCountry("DK"))},
		compliance.CodeRegisterTransfer:            {name, compliance.CountryArg(compliance.MustCountry("US")), compliance.Name(compliance.SafeguardSCC)},
		compliance.CodeRegisterTransferNoSafeguard: {name, compliance.CountryArg(compliance.MustCountry("US"))},
		compliance.CodeRegisterErasurePeriod:       {compliance.PeriodArg(compliance.Years(5)), compliance.Name(compliance.FromCaseClosed)},
		compliance.CodeRegisterErasureRule:         {compliance.Text("00000000-0000-7000-8000-000000000001")},
		compliance.CodeRegisterDPIA:                {compliance.Text("00000000-0000-7000-8000-000000000001")},
		compliance.CodeRegisterScreening:           {compliance.Name(compliance.DPIARequired)},
		compliance.CodeRegisterProcessor:           {name, compliance.Text("00000000-0000-7000-8000-000000000001")},
		compliance.CodeRegisterClassification:      {compliance.Name(compliance.KLE), compliance.Text("17.01.00")},
		compliance.CodeRegisterPartyCVR:            {name, compliance.Text("55133018")},
		compliance.CodeRegisterPartyOrgNr:          {name, compliance.Text("964965226")},
		compliance.CodeRegisterOnBehalfOf:          {name, compliance.Text("drift af ESDH")},
		compliance.CodeRegisterPublished:           nil,
		compliance.CodeRegisterPublishedNoConsent:  nil,
		compliance.CodeRegisterLargeScale:          nil,
		compliance.CodeRegisterSubjectCount:        {compliance.Int(12000)},
		compliance.CodeRegisterProcessorLabel:      nil,
		compliance.CodeRegisterProcessorsOnly:      nil,
	}
	for f := range compliance.AllExportFields() {
		args[compliance.Code(f.Key())] = nil
	}
	for _, list := range [][]compliance.Code{compliance.AssessCodes(), compliance.RequestCodes(), compliance.RegisterCodes()} {
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
		{"da", compliance.Msg(compliance.CodeMissing, compliance.Name(compliance.FieldPurposes)),
			"Fortegnelsen angiver ikke formålene med behandlingen for denne behandlingsaktivitet."},
		{"nb", compliance.Msg(compliance.CodeMissing, compliance.Name(compliance.FieldDPO)),
			"Protokollen oppgir ikke kontaktopplysningene til personvernombudet for denne behandlingsaktiviteten."},
		{"nn", compliance.Msg(compliance.CodeMissing, compliance.Name(compliance.FieldSubjects)),
			"Protokollen gjev ikkje opp kategoriane av registrerte for denne behandlingsaktiviteten."},
		{"da", compliance.Msg(compliance.CodeChildConsentAge, compliance.Text("Skoleportal"), compliance.Int(13), compliance.Int(15), day),
			"Tjenesten »Skoleportal« accepterer et barns eget samtykke fra 13 år, men den 1. juni 2024 kan et barn kun give samtykke selv fra 15 år. " +
				"Under den alder skal samtykket gives eller godkendes af indehaveren af forældremyndigheden."},
		{"en", compliance.Msg(compliance.CodeRegisterGenerated, day, compliance.Int(0)),
			"Generated on 1 June 2024. The register holds no processing activities."},
		{"en", compliance.Msg(compliance.CodeRegisterGenerated, day, compliance.Int(1)),
			"Generated on 1 June 2024. The register holds 1 processing activity."},
		{"nb", compliance.Msg(compliance.CodeRegisterGenerated, day, compliance.Int(2)),
			"Utarbeidet 1. juni 2024. Protokollen omfatter 2 behandlingsaktiviteter."},
		{"da", compliance.Msg(compliance.CodeRequestDue, compliance.Name(compliance.RequestAccess),
			compliance.DateArg(compliance.Date{Year: 2025, Month: time.April, Day: 22})),
			"Anmodning (indsigt): skal besvares senest den 22. april 2025."},
		{"nn", compliance.Msg(compliance.CodeRegisterErasurePeriod, compliance.PeriodArg(compliance.Years(5)),
			compliance.Name(compliance.FromCaseClosed)),
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
	a := compliance.Activity{
		Role: compliance.RoleController, Name: "Jobcenter", Status: compliance.Approved,
		Controller: compliance.Party{Name: "Kommune", Jurisdiction: compliance.DK, PublicAuthority: true},
		Purposes:   []compliance.Purpose{{Name: "Opfølgning", Basis: compliance.LegitimateInterests}},
	}
	var got *compliance.Finding
	fs := compliance.Assess(a, time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC), nil)
	for i := range fs {
		if fs[i].Code == compliance.CodeLegitimateInterestsPublic {
			got = &fs[i]
		}
	}
	require.NotNil(t, got)
	p := i18n.NewPrinter(language.Danish)
	assert.Equal(t, "Formålet »Opfølgning« hviler på legitime interesser, som en offentlig myndighed ikke kan anvende ved behandling, "+
		"der foretages som led i udførelsen af dens opgaver. (databeskyttelsesforordningens artikel 6, stk. 1, 2. afsnit; "+
		"databeskyttelsesforordningens præambelbetragtning 47)", p.Finding(*got))
}
