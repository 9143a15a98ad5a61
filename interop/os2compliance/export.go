package os2compliance

import (
	"encoding/binary"
	"strconv"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/processor"
)

// numbered returns the ID in tillid of the OS2compliance entity of kind
// with numeric ID n, for kommune c: a name-based prefix of the kommune,
// the system and the kind, then n in the last seven bytes, so that
// [Export] can recover n (IDs up to 2^56).
func numbered(c compliance.ControllerID, kind string, n int64) uuid.UUID {
	u := interop.Derive(c, System, kind)
	var tail [8]byte
	binary.BigEndian.PutUint64(tail[:], uint64(n))
	copy(u[9:], tail[1:])
	u[8] = 0x80 | (u[8] & 0x3f)
	return u
}

// number recovers n from numbered's UUID, or reports false for a UUID
// numbered did not make.
func number(c compliance.ControllerID, kind string, u uuid.UUID) (int64, bool) {
	p := interop.Derive(c, System, kind)
	if [8]byte(u[:8]) != [8]byte(p[:8]) || u[8]&0xc0 != 0x80 || u[8]&0x3f != p[8]&0x3f {
		return 0, false
	}
	var tail [8]byte
	copy(tail[1:], u[9:])
	n := int64(binary.BigEndian.Uint64(tail[:]))
	return n, n > 0
}

// Export gives the processor records of kommune c back in OS2compliance's
// API shapes: one supplier per processor and one asset per agreement.
// Processors and agreements imported from OS2compliance keep their IDs; the
// others have ID 0, which OS2compliance's API reads as new (create them
// with POST api/v1/suppliers and api/v1/assets; [ParseSuppliers] refuses
// them, since a file of this package's import identifies every supplier).
// An asset carries the agreement's status (YES when signed, else
// ON_GOING) and date, the supervision interval as nextInspection when it
// is one of OS2compliance's, and the processor's sub-processors. Importing
// the result gives the same records for what OS2compliance holds.
func Export(c compliance.ControllerID, ps []processor.Processor) Source {
	var src Source
	for _, p := range ps {
		s := Supplier{Name: p.Name, Status: "READY"}
		for _, e := range p.ExternalIDs {
			if e.Scheme == processor.OS2compliance {
				if n, err := strconv.ParseInt(e.ID, 10, 64); err == nil && n > 0 {
					s.ID = n
				}
			}
		}
		if !p.CVR.IsZero() {
			s.CVR = p.CVR.String()
		}
		s.Country = p.Country.String()
		if len(p.Contacts) > 0 {
			s.Contact, s.Email, s.Phone = p.Contacts[0].Name, p.Contacts[0].Email, p.Contacts[0].Phone
		}
		src.Suppliers = append(src.Suppliers, s)
		var subs []SupplierRef
		var details []SubSupplier
		for _, sp := range p.SubProcessors {
			n, _ := number(c, "sub-supplier", sp.ID.UUID)
			subs = append(subs, SupplierRef{ID: n, Name: sp.Name})
			if sp.Service != "" {
				details = append(details, SubSupplier{Supplier: SupplierRef{ID: n, Name: sp.Name}, Service: sp.Service})
			}
		}
		next := ""
		switch months(p.Supervision.Interval) {
		case 1:
			next = "MONTH"
		case 3:
			next = "QUARTER"
		case 6:
			next = "HALF_YEAR"
		case 12:
			next = "YEAR"
		case 24:
			next = "EVERY_2_YEARS"
		case 36:
			next = "EVERY_3_YEARS"
		}
		for _, a := range p.Agreements {
			n, _ := number(c, "asset", a.ID.UUID)
			as := Asset{ID: n, Name: a.Reference, NextInspection: next, SubSuppliers: subs, SubSupplierDetails: details}
			if s.ID > 0 {
				as.Supplier = &SupplierRef{ID: s.ID, Name: s.Name}
			}
			if as.Name == "" {
				as.Name = p.Name
			}
			if a.Signed.IsZero() {
				as.DataProcessingAgreementStatus = "ON_GOING"
			} else {
				as.DataProcessingAgreementStatus = "YES"
				as.DataProcessingAgreementDate = a.Signed.String()
			}
			src.Assets = append(src.Assets, as)
		}
	}
	return src
}
