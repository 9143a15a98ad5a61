package notice

import (
	"slices"
	"strings"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
)

// Message codes of the notice as a citizen reads it ([Render]). They are
// written in clear and plain language (Art 12(1); WP260 rev.01).
const (
	CodeLetterTitle        compliance.Code = "notice.letter.title"         // "%[1]s: how we use your personal data" (kommune)
	CodeLetterAbout        compliance.Code = "notice.letter.about"         // "This notice is about %[1]s." (area)
	CodeLetterWho          compliance.Code = "notice.letter.who"           // heading "Who is responsible"
	CodeLetterController   compliance.Code = "notice.letter.controller"    // "%[1]s is responsible… contact us: %[2]s" (kommune, contact)
	CodeLetterDPO          compliance.Code = "notice.letter.dpo"           // "…our data protection officer: %[1]s" (contact)
	CodeLetterPurpose      compliance.Code = "notice.letter.purpose"       // "We use your data to: %[1]s" (purpose)
	CodeLetterBasisLaw     compliance.Code = "notice.letter.basis-law"     // "…because the law requires it of us (%[1]s)." (ref or text)
	CodeLetterBasisTask    compliance.Code = "notice.letter.basis-task"    // "…because it is part of the tasks the law gives the kommune (%[1]s)."
	CodeLetterBasisOther   compliance.Code = "notice.letter.basis-other"   // "The legal basis is %[1]s." (ref)
	CodeLetterBasisConsent compliance.Code = "notice.letter.basis-consent" // "…because you have agreed; you can withdraw…"
	CodeLetterData         compliance.Code = "notice.letter.data"          // "The data we use: %[1]s" (categories)
	CodeLetterRecipient    compliance.Code = "notice.letter.recipient"     // "We may pass the data on to: %[1]s" (name)
	CodeLetterNoRecipient  compliance.Code = "notice.letter.no-recipient"  // "We do not pass the data on."
	CodeLetterTransfer     compliance.Code = "notice.letter.transfer"      // "The data are sent to %[1]s, outside the EU and EEA, with %[2]s." (country, safeguard)
	CodeLetterKeepPeriod   compliance.Code = "notice.letter.keep-period"   // "We keep the data for %[1]s after %[2]s." (period, event)
	CodeLetterKeepText     compliance.Code = "notice.letter.keep-text"     // "How long we keep the data: %[1]s" (text)
	CodeLetterSources      compliance.Code = "notice.letter.sources"       // "We get some of the data from: %[1]s" (text)
	CodeLetterRequirement  compliance.Code = "notice.letter.requirement"   // "Do you have to give us the data? %[1]s" (text)
	CodeLetterAutomated    compliance.Code = "notice.letter.automated"     // "Some decisions are made automatically…"
	CodeLetterRights       compliance.Code = "notice.letter.rights"        // heading "Your rights"
	CodeLetterAccess       compliance.Code = "notice.letter.right-access"
	CodeLetterRectify      compliance.Code = "notice.letter.right-rectify"
	CodeLetterErase        compliance.Code = "notice.letter.right-erase"
	CodeLetterRestrict     compliance.Code = "notice.letter.right-restrict"
	CodeLetterObject       compliance.Code = "notice.letter.right-object"
	CodeLetterPortability  compliance.Code = "notice.letter.right-portability"
	CodeLetterComplain     compliance.Code = "notice.letter.complain" // heading "If you want to complain"
	CodeLetterComplainDK   compliance.Code = "notice.letter.complain-dk"
	CodeLetterComplainNO   compliance.Code = "notice.letter.complain-no"
)

// LetterCodes lists the message codes of [Render].
func LetterCodes() []compliance.Code {
	return []compliance.Code{CodeLetterTitle, CodeLetterAbout, CodeLetterWho, CodeLetterController, CodeLetterDPO,
		CodeLetterPurpose, CodeLetterBasisLaw, CodeLetterBasisTask, CodeLetterBasisOther, CodeLetterBasisConsent,
		CodeLetterData, CodeLetterRecipient, CodeLetterNoRecipient, CodeLetterTransfer, CodeLetterKeepPeriod,
		CodeLetterKeepText, CodeLetterSources, CodeLetterRequirement, CodeLetterAutomated, CodeLetterRights,
		CodeLetterAccess, CodeLetterRectify, CodeLetterErase, CodeLetterRestrict, CodeLetterObject,
		CodeLetterPortability, CodeLetterComplain, CodeLetterComplainDK, CodeLetterComplainNO}
}

// Contact joins contact details into one line for a citizen: name, e-mail,
// phone and address, in that order, the address's lines separated by
// commas ("Dronning Dagmars Vej 200, 3650 Ølstykke").
func Contact(c record.ContactDetails) string {
	var lines []string
	for l := range strings.Lines(c.Address) {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	var parts []string
	for _, s := range []string{c.Name, c.Email, c.Phone, strings.Join(lines, ", ")} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// Render writes notice n as a citizen reads it, for controller, from the
// activities it covers (those of activities whose ID it names, in its
// order): who is responsible and how to reach them and the data protection
// officer; for each activity what the data are used for and why the kommune
// may, what data, who receives them, transfers out of the EEA and how long
// they are kept; where the data come from; the citizen's rights, only those
// that apply; and where to complain. Package i18n renders the document.
//
// The rights that depend on the legal basis are listed only where they
// apply: objection (Art 21(1)) where a purpose rests on Art 6(1)(e) or (f);
// portability (Art 20(1)(a)) where one rests on consent (Art 6(1)(a) or
// 9(2)(a)) or a contract (Art 6(1)(b)). Art 20(1)(b) further requires the
// processing to be carried out by automated means, which the record of
// processing does not say: Render assumes it (a kommune's case systems), so
// a host rendering a notice for manual, paper-only processing drops the
// portability line. Art 20(3) excludes processing for a public task, which
// never sets portability here. An explicit consent under Art 9(2)(a) gets
// the withdrawal line (Art 13(2)(c), 14(2)(d)) even where the purpose's Art
// 6 basis is another. The automated-decisions paragraph tells the citizen
// that the kommune uses them and how to ask about the logic; the logic
// itself (Art 13(2)(f), 14(2)(g)) is the host's text to add. The texts
// follow WP260 rev.01, "Clear and plain language": no qualifiers such as
// "may", "some" or "often" where the kommune can be definite.
func Render(n Notice, controller record.Party, dpo record.ContactDetails, activities []record.Activity) compliance.Document {
	byID := make(map[record.ActivityID]record.Activity, len(activities))
	for _, a := range activities {
		byID[a.ID] = a
	}
	doc := compliance.Document{Title: compliance.Msg(CodeLetterTitle, compliance.Text(controller.Name))}
	doc.Paragraph(CodeLetterAbout, compliance.Name(n.Area))
	doc.Heading(CodeLetterWho)
	add := func(key compliance.Code, item Item, args ...compliance.Arg) {
		doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockParagraph,
			Text: compliance.Msg(key, args...), Refs: item.Refs(n.Direct, n.Indirect)})
	}
	addItem := func(key compliance.Code, item Item, args ...compliance.Arg) {
		doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockItem,
			Text: compliance.Msg(key, args...), Refs: item.Refs(n.Direct, n.Indirect)})
	}
	add(CodeLetterController, Identity, compliance.Text(controller.Name), compliance.Text(Contact(controller.Contact)))
	if !dpo.IsZero() {
		add(CodeLetterDPO, DPOContact, compliance.Text(Contact(dpo)))
	}
	var objection, portability bool
	for _, id := range n.Activities {
		a, ok := byID[id]
		if !ok || a.Role != record.RoleController {
			continue
		}
		doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockHeading, Text: compliance.Msg(compliance.CodeText, compliance.Text(a.Name))})
		consent := false
		for _, p := range a.Purposes {
			addItem(CodeLetterPurpose, Purposes, compliance.Text(p.Name))
			basis := compliance.Text(p.NationalBasisText)
			if !p.NationalBasis.IsZero() {
				basis = compliance.RefArg(p.NationalBasis)
			}
			switch p.Basis {
			case compliance.LegalObligation:
				addItem(CodeLetterBasisLaw, Purposes, basis)
			case compliance.PublicTask:
				addItem(CodeLetterBasisTask, Purposes, basis)
				objection = true
			case compliance.Consent:
				if !consent {
					addItem(CodeLetterBasisConsent, WithdrawConsent)
				}
				consent, portability = true, true
			case 0:
			default:
				addItem(CodeLetterBasisOther, Purposes, compliance.RefArg(p.Basis.Ref()))
				if p.Basis == compliance.Contract {
					portability = true
				}
				if p.Basis == compliance.LegitimateInterests {
					objection = true
				}
			}
		}
		if !consent && slices.Contains(a.Special.Conditions, compliance.ExplicitConsent) {
			addItem(CodeLetterBasisConsent, WithdrawConsent)
			portability = true
		}
		if a.Data != 0 {
			addItem(CodeLetterData, Categories, compliance.PlainData(a.Data, n.Jurisdiction))
		}
		for _, r := range a.Recipients {
			addItem(CodeLetterRecipient, Recipients, compliance.Text(r.Name))
		}
		if a.NoRecipients {
			addItem(CodeLetterNoRecipient, Recipients)
		}
		for _, t := range a.Transfers {
			args := []compliance.Arg{compliance.CountryArg(t.Country), compliance.Name(t.Safeguard)}
			addItem(CodeLetterTransfer, Transfers, args...)
		}
		switch {
		case !a.Erasure.Period.IsZero() && a.Erasure.From.Valid():
			addItem(CodeLetterKeepPeriod, Retention, compliance.PeriodArg(a.Erasure.Period), compliance.Name(a.Erasure.From))
		case a.Erasure.Text != "":
			addItem(CodeLetterKeepText, Retention, compliance.Text(a.Erasure.Text))
		}
	}
	if n.Indirect && n.Sources != "" {
		add(CodeLetterSources, Source, compliance.Text(n.Sources))
	}
	if n.Direct && n.Requirement != "" {
		add(CodeLetterRequirement, Requirement, compliance.Text(n.Requirement))
	}
	if n.Automated {
		add(CodeLetterAutomated, AutomatedDecisions)
	}
	doc.Heading(CodeLetterRights)
	rights := []struct {
		key compliance.Code
		ref compliance.Ref
		on  bool
	}{
		{CodeLetterAccess, compliance.GDPR(15, 0, ""), true},
		{CodeLetterRectify, compliance.GDPR(16, 0, ""), true},
		{CodeLetterErase, compliance.GDPR(17, 0, ""), true},
		{CodeLetterRestrict, compliance.GDPR(18, 0, ""), true},
		{CodeLetterObject, compliance.GDPR(21, 1, ""), objection},
		{CodeLetterPortability, compliance.GDPR(20, 1, ""), portability},
	}
	for _, r := range rights {
		if r.on {
			doc.Blocks = append(doc.Blocks, compliance.Block{Kind: compliance.BlockItem, Text: compliance.Msg(r.key),
				Refs: compliance.RefsOf(r.ref)})
		}
	}
	doc.Heading(CodeLetterComplain)
	key := CodeLetterComplainDK
	if n.Jurisdiction == compliance.NO {
		key = CodeLetterComplainNO
	}
	add(key, Complaint)
	return doc
}
