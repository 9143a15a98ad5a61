package record

import "github.com/tillid/tillid/internal/jsondec"

// MaxDecode is the largest JSON document [DecodeActivity] accepts, in
// bytes.
const MaxDecode = jsondec.Max

// DecodeActivity reads an activity from its JSON form and validates it. It
// is the entry point for untrusted input (an import, an API body): unlike
// [json.Unmarshal], every problem is reported in one [*compliance.ValidationError] for
// the entity "activity" that names each bad field by its JSON path
// ("purposes[1].basis: unknown legal-basis (accepted: consent, …)"), and
// it rejects what json.Unmarshal would let through silently:
//
//   - member names are matched exactly (json.Unmarshal ignores case);
//   - an unknown member is an error that names the object and the accepted
//     members, never the unknown name itself (it may be personal data);
//   - a member given twice is [compliance.ReasonDuplicate];
//   - anything after the object, and documents over [MaxDecode] bytes, are
//     rejected.
//
// When the JSON decodes, the activity is checked with [Activity.Validate].
// No error contains input text.
func DecodeActivity(data []byte) (Activity, error) {
	var a Activity
	if err := jsondec.Decode(data, &a, "activity"); err != nil {
		return Activity{}, err
	}
	if err := a.Validate(); err != nil {
		return Activity{}, err
	}
	return a, nil
}
