package processor

// BarredForPublicAuthorities reports whether Art 49(3) GDPR excludes the
// derogation for public authorities in the exercise of their public powers:
// points (a), (b) and (c) of Art 49(1) and its second subparagraph. A
// kommune doing case work cannot rely on consent, a contract or compelling
// legitimate interests to transfer (reference §3.1, T49-3).
func (d Derogation) BarredForPublicAuthorities() bool {
	switch d {
	case ExplicitConsent, ContractWithSubject, ContractInInterest, CompellingInterests:
		return true
	}
	return false
}

// Effective reports whether the EDPB found an effective supplementary measure
// in the use case: use cases 1 to 5 (Recommendations 01/2020, Annex 2). In use
// cases 6 and 7 the EDPB is "incapable of envisioning an effective technical
// measure".
func (u UseCase) Effective() bool { return u >= EncryptedStorage && u <= Split }

// HasOpinion reports whether the evidence is an assurance report in which an
// auditor gives a conclusion (opinion): ISAE 3000, ISAE 3402 and SOC 2.
// ISRS 4400 agreed-upon procedures report factual findings without one.
func (t AuditType) HasOpinion() bool { return t >= ISAE3000Type1 && t <= SOC2Type2 }

// PointInTime reports whether the evidence covers the design and
// implementation of controls at a date only (type 1), not their operating
// effectiveness over a period (type 2) (FSR and Datatilsynet, 19 November
// 2020).
func (t AuditType) PointInTime() bool {
	return t == ISAE3000Type1 || t == ISAE3402Type1 || t == SOC2Type1
}

// OverPeriod reports whether the evidence covers a period (type 2), so that
// it needs a start and an end.
func (t AuditType) OverPeriod() bool {
	return t == ISAE3000Type2 || t == ISAE3402Type2 || t == SOC2Type2
}

// AssessMeasures returns the use case of Annex 2 of EDPB Recommendations
// 01/2020 that describes a transfer with access a and measures ms, and so
// whether an effective supplementary measure exists ([UseCase.Effective]):
//
//   - key encryption (keys held by the kommune or a trusted entity in the EEA
//     or an adequate country) for hosting or backup where the recipient
//     needs no data in the clear: use case 1, effective;
//   - pseudonymisation: use case 2, effective;
//   - transport encryption for data that only transit: use case 3,
//     effective;
//   - a protected recipient: use case 4, effective within that protection;
//   - split processing: use case 5, effective;
//   - otherwise, for support or remote access: use case 7 (remote access
//     to data in the clear), not effective; for hosting or backup: use case 6
//     (a cloud that needs data in the clear), not effective.
//
// Contractual and organisational measures alone never make a transfer
// effective: the EDPB says they generally cannot stop public authorities'
// access (reference §3.7). Key encryption does not help support or remote
// access, whose staff need the data in the clear. Unencrypted transit has no
// use case and gives 0, which is not effective either.
func AssessMeasures(a Access, ms Measures) UseCase {
	switch {
	case ms.Has(KeyEncryption) && (a == Hosting || a == Backup):
		return EncryptedStorage
	case ms.Has(Pseudonymisation):
		return Pseudonymised
	case ms.Has(TransitEncryption) && a == Transit:
		return EncryptedTransit
	case ms.Has(ProtectedRecipient):
		return Protected
	case ms.Has(SplitProcessing):
		return Split
	case a == Support || a == RemoteAccess:
		return RemoteClearText
	case a == Hosting || a == Backup:
		return CloudClearText
	}
	return 0
}
