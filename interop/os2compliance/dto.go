// Package os2compliance imports a kommune's suppliers and assets from
// OS2compliance (github.com/OS2compliance/OS2compliance), the OS2
// community's ISMS, into tillid's processor registry, and exports them
// back in the same shapes.
//
// The source is OS2compliance's REST API v1 (GET api/v1/suppliers and
// api/v1/assets, paged with page and pageSize of at most 500, the API key
// in the "ApiKey" header; [Client]) or files holding its answers (a page
// object or a plain JSON array of the same objects; [ParseSuppliers],
// [ParseAssets]). Field names and enum values are those of its API
// objects SupplierEO, AssetEO and PageEO
// (src/main/java/dk/digitalidentity/model/api, release 2.4.0).
//
// One processor per supplier (its OS2compliance ID as the
// processor.ExternalID, so a re-import updates it); one agreement per
// asset of the supplier whose data processing agreement status is YES
// with a date; the shortest next-inspection interval of its assets as the
// supervision interval; the sub-suppliers of its assets as
// sub-processors. An asset file may also carry the sub-supplier details of
// OS2compliance's asset page (AssetSupplierMapping: service, third-country
// transfer and acceptance basis), which API v1 does not expose; they are
// read when present ([SubSupplier]).
package os2compliance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Supplier is OS2compliance's SupplierEO.
type Supplier struct {
	ID          int64      `json:"id"`
	Version     int        `json:"version,omitempty"`
	Name        string     `json:"name"`
	Status      string     `json:"status,omitempty"`
	CVR         string     `json:"cvr,omitempty"`
	Zip         string     `json:"zip,omitempty"`
	City        string     `json:"city,omitempty"`
	Address     string     `json:"address,omitempty"`
	Contact     string     `json:"contact,omitempty"`
	Phone       string     `json:"phone,omitempty"`
	Email       string     `json:"email,omitempty"`
	Country     string     `json:"country,omitempty"`
	Description string     `json:"description,omitempty"`
	Properties  []Property `json:"properties,omitempty"`
}

// Property is OS2compliance's PropertyEO: a key and value other systems
// set ("kitos.uuid").
type Property struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// SupplierRef is OS2compliance's SupplierShallowEO.
type SupplierRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Asset is OS2compliance's AssetEO, reduced to what the import reads.
// DataProcessingAgreementStatus is one of YES, NO, ON_GOING,
// NOT_RELEVANT; SupervisoryModel one of ChoiceOfSupervisionModel
// (SELFCONTROL, PHYSICAL_SUPERVISION, ISAE_3000, …, DBS); NextInspection
// one of DATE, MONTH, QUARTER, HALF_YEAR, YEAR, EVERY_2_YEARS,
// EVERY_3_YEARS, DBS. Dates are ISO dates (LocalDate).
type Asset struct {
	ID                            int64         `json:"id"`
	Version                       int           `json:"version,omitempty"`
	Name                          string        `json:"name"`
	DataProcessingAgreementStatus string        `json:"dataProcessingAgreementStatus,omitempty"`
	DataProcessingAgreementDate   string        `json:"dataProcessingAgreementDate,omitempty"`
	DataProcessingAgreementLink   string        `json:"dataProcessingAgreementLink,omitempty"`
	SupervisoryModel              string        `json:"supervisoryModel,omitempty"`
	NextInspection                string        `json:"nextInspection,omitempty"`
	NextInspectionDate            string        `json:"nextInspectionDate,omitempty"`
	Supplier                      *SupplierRef  `json:"supplier,omitempty"`
	SubSuppliers                  []SupplierRef `json:"subSuppliers,omitempty"`
	// SubSupplierDetails are the sub-supplier details of the asset page
	// (not in API v1's AssetEO).
	SubSupplierDetails []SubSupplier `json:"subSupplierDetails,omitempty"`
	Properties         []Property    `json:"properties,omitempty"`
}

// SubSupplier is the asset page's AssetSupplierMapping: a sub-supplier
// of the asset, the service it provides, whether it transfers data to a
// third country (YES, NO, UNDER_CLARIFICATION) and the acceptance basis
// (an identifier of the choice list dp-supplier-accept-list:
// dp-supplier-accept-basis-eu, -eos, -suf, -usa, dp-supplier-accept-none,
// dp-supplier-accept-clarification).
type SubSupplier struct {
	Supplier             SupplierRef `json:"supplier"`
	Service              string      `json:"service,omitempty"`
	ThirdCountryTransfer string      `json:"thirdCountryTransfer,omitempty"`
	AcceptanceBasis      string      `json:"acceptanceBasis,omitempty"`
}

// page is OS2compliance's PageEO.
type page[T any] struct {
	TotalPages int   `json:"totalPages"`
	Page       int   `json:"page"`
	TotalCount int64 `json:"totalCount"`
	Count      int   `json:"count"`
	Content    []T   `json:"content"`
}

// ErrMalformed matches the errors of the decoders: the input is not what
// OS2compliance's API documents. They name the field, never the content.
var ErrMalformed = errors.New("os2compliance: malformed input")

type malformed struct{ where, reason string }

func (e *malformed) Error() string {
	return "os2compliance: malformed " + e.where + ": " + e.reason
}
func (e *malformed) Is(t error) bool { return t == ErrMalformed }

// MaxInput is the largest answer or file the decoders read, in bytes.
const MaxInput = 32 << 20

// decode reads a PageEO of T or a plain array of T.
func decode[T any](b []byte, what string) ([]T, *page[T], error) {
	if len(b) > MaxInput {
		return nil, nil, &malformed{what, "larger than the size limit"}
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	t := bytes.TrimSpace(b)
	if len(t) == 0 {
		return nil, nil, &malformed{what, "empty"}
	}
	dec := json.NewDecoder(bytes.NewReader(t))
	var err error
	var items []T
	var pg *page[T]
	if t[0] == '[' {
		err = dec.Decode(&items)
	} else {
		pg = &page[T]{}
		if err = dec.Decode(pg); err == nil {
			items = pg.Content
			if items == nil {
				items = []T{}
			}
		}
	}
	if err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, nil, &malformed{what, "a value of the wrong type at " + te.Field}
		}
		return nil, nil, &malformed{what, "not JSON"}
	}
	if dec.More() || len(bytes.TrimSpace(t[dec.InputOffset():])) > 0 {
		return nil, nil, &malformed{what, "trailing data"}
	}
	if items == nil {
		return nil, nil, &malformed{what, "not a list"}
	}
	return items, pg, nil
}

// ParseSuppliers reads suppliers: a page of GET api/v1/suppliers, or a
// JSON array of SupplierEO. Every supplier needs an ID and a name.
func ParseSuppliers(b []byte) ([]Supplier, error) {
	ss, _, err := decode[Supplier](b, "suppliers")
	if err != nil {
		return nil, err
	}
	for i, s := range ss {
		if s.ID <= 0 || strings.TrimSpace(s.Name) == "" {
			return nil, &malformed{"suppliers", fmt.Sprintf("item %d has no id or name", i)}
		}
	}
	return ss, nil
}

// ParseAssets reads assets: a page of GET api/v1/assets, or a JSON array
// of AssetEO. Every asset needs an ID; a supplier reference needs an ID.
func ParseAssets(b []byte) ([]Asset, error) {
	as, _, err := decode[Asset](b, "assets")
	if err != nil {
		return nil, err
	}
	for i, a := range as {
		if a.ID <= 0 || (a.Supplier != nil && a.Supplier.ID <= 0) {
			return nil, &malformed{"assets", fmt.Sprintf("item %d has no id", i)}
		}
	}
	return as, nil
}
