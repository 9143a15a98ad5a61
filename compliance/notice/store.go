package notice

import (
	"context"
	"iter"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/jsondec"
)

// Store persists the privacy notices of each controller, with the contract
// every tillid Store keeps (see the README's "Implementing a Store").
// noticetest has NewMemStore and the conformance suite Run.
type Store interface {
	Get(ctx context.Context, c compliance.ControllerID, id ID) (Notice, error)
	Put(ctx context.Context, c compliance.ControllerID, n Notice) error
	List(ctx context.Context, c compliance.ControllerID, f Filter) iter.Seq2[Notice, error]
}

// Filter selects notices. The zero Filter means every notice.
type Filter struct {
	Area         Area
	Jurisdiction compliance.Jurisdiction
}

// Match reports whether n is selected by f.
func (f Filter) Match(n Notice) bool {
	return (f.Area == 0 || n.Area == f.Area) && (f.Jurisdiction == 0 || n.Jurisdiction == f.Jurisdiction)
}

// MaxDecode is the largest JSON document [Decode] accepts, in bytes.
const MaxDecode = jsondec.Max

// Decode reads a notice from untrusted JSON and validates it. Member names
// match exactly; unknown and repeated members, trailing data and documents
// over [MaxDecode] bytes are errors naming the field; no error repeats the
// input.
func Decode(data []byte) (Notice, error) {
	var n Notice
	if err := jsondec.Decode(data, &n, "notice"); err != nil {
		return Notice{}, err
	}
	if err := n.Validate(); err != nil {
		return Notice{}, err
	}
	return n, nil
}
