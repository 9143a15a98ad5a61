// Package processor answers the question an ESDH or sak-arkiv integration
// asks before case data leave the kommune: may these data go to this
// processor now?
//
// It holds a kommune's data processors (databehandlere) as one record each
// ([Processor]): the processor's identity (CVR or organisasjonsnummer,
// country, parent company, EU-US Data Privacy Framework certification), its
// data processing agreements ([Agreement]: databehandleraftale,
// databehandleravtale) with the content Art 28(3) GDPR requires, its
// sub-processors ([SubProcessor]) with their full identity and approval, the
// places where the data are hosted or reached from ([Location]) with the
// transfer tools that cover them, and the audit evidence of the kommune's
// supervision ([Audit]: revisionserklæring, tilsyn, oppfølging).
//
// [Snapshot.Check] combines all of it into a [Decision] — allow, allow with
// warnings, or deny — with findings that cite their sources, and which the
// host stores as evidence (Art 5(2)). It rests on:
//
//   - Art 28 GDPR (processors), with Implementing Decision (EU) 2021/915
//     and Datatilsynet DK's standard clauses as the templates of Art 28(7)
//     and (8); Art 29; Art 33(2);
//   - EDPB Opinion 22/2024 on processor chains, and Datatilsynet DK's
//     guidance on the supervision of processors (29 October 2021);
//   - Chapter V GDPR (Art 44 to 49) as the Court read it in Schrems II
//     (C-311/18): adequacy decisions as data ([Adequacies]), the standard
//     contractual clauses of Implementing Decision (EU) 2021/914, binding
//     corporate rules, the derogations of Art 49 with Art 49(3) for public
//     authorities, transfer impact assessments, and the supplementary
//     measures of EDPB Recommendations 01/2020, judged as its use cases do
//     ([AssessMeasures]);
//   - EDPB Guidelines 05/2021 on what a transfer is: access from a third
//     country is one; a US-owned provider's EU data centre is not, but its
//     exposure to the CLOUD Act and FISA section 702 must be assessed;
//   - Datatilsynet DK's Chromebook decisions (2022–2026), which the tests
//     replay, and its cloud guidance and Q&A (9 March 2022,
//     datatilsynet.dk/hvad-siger-reglerne/vejledning/cloud): a read access
//     from a third country is processing, and so a transfer.
//
// Facts over assertions: a transfer impact assessment is the kommune's
// conclusion, a [Location] records facts — the access (support, hosting),
// the measures, whether the provider holds the keys, whether the recipient
// is subject to surveillance law beyond what is necessary. Where the facts
// are those of Annex 2, use cases 6 and 7 of EDPB Recommendations 01/2020
// (no effective measure), an assessment that concludes "protected" does not
// make the transfer lawful: the decision names the contradiction
// ([CodeTIAContradicted]).
//
// An agreement counts however it was concluded in writing (Art 28(9)):
// signed, the processor's standard terms accepted, or a framework agreement
// joined ([Concluded]); its content is judged the same way for all.
// Purposes match without regard to case and white space
// ([NormalizePurpose]).
//
// The sources are cited in each rule's references: EUR-Lex (Regulation (EU)
// 2016/679, Implementing Decisions (EU) 2021/914, 2021/915 and the adequacy
// decisions), edpb.europa.eu, datatilsynet.dk and datatilsynet.no, curia
// (C-311/18). Where the sources do not settle a question — how often to
// supervise, how Norway applies an adequacy decision before the EEA
// Agreement takes it in, when to repeat a transfer impact assessment — the
// answer is a documented field of [Policy], never a constant.
//
// A [Registry] stores records through a host's [Store] and keeps a compiled
// [Snapshot] for Check and for [Snapshot.Lookup] (by ID, CVR number,
// organisasjonsnummer or an external identity such as a KITOS UUID). A
// write compiles and installs one processor; installation is ordered by
// version, so a snapshot never goes back; a registry that has not read its
// store says so ([CodeNotLoaded]) instead of calling a processor unknown.
// Check allocates nothing for an allowed request with no findings and
// copies the findings of any other into one fresh allocation, whose
// arguments share nothing with the snapshot; the findings' references are
// the package's immutable tables ([compliance.Refs]), shared. Decisions kept as evidence go to a
// [DecisionStore] ([Registry.Record]).
package processor
