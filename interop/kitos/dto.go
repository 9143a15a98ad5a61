package kitos

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/tillid/tillid/compliance"
)

// The types of this file are the parts of KITOS API v2's answers that the
// import reads, under the JSON names KITOS documents (camel-cased property
// names, enum members by name). Their sources are the response DTOs of
// os2kitos/kitos, Presentation.Web/Models/API/V2/Response:
// DataProcessing/DataProcessingRegistrationResponseDTO and its General,
// Oversight and SubDataProcessor parts, SystemUsage/ItSystemUsageResponseDTO
// and GDPRRegistrationsResponseDTO, Organization/OrganizationResponseDTO,
// Tracking/TrackingEventResponseDTO, and V1's GetTokenResponseDTO. Fields
// the import does not use are ignored; a field KITOS adds later does not
// break it.

// Identity is KITOS's IdentityNamePairResponseDTO: an entity's UUID and
// human-readable name.
type Identity struct {
	UUID string `json:"uuid"`
	Name string `json:"name"`
}

// Organization is KITOS's ShallowOrganizationResponseDTO and
// OrganizationResponseDTO: an organisation's UUID, name, CVR number (any
// text KITOS holds, possibly a foreign company's number or none) and type
// ("Municipality", "CommunityOfInterest", "Company",
// "OtherPublicAuthority"; empty in the shallow form).
type Organization struct {
	UUID             string `json:"uuid"`
	Name             string `json:"name"`
	CVR              string `json:"cvr,omitempty"`
	OrganizationType string `json:"organizationType,omitempty"`
}

// Registration is KITOS's DataProcessingRegistrationResponseDTO: one data
// processing registration (databehandlingsregistrering) of a kommune.
type Registration struct {
	UUID                string       `json:"uuid"`
	Name                string       `json:"name"`
	LastModified        Time         `json:"lastModified,omitzero"`
	OrganizationContext Organization `json:"organizationContext,omitzero"`
	General             General      `json:"general"`
	SystemUsages        []Identity   `json:"systemUsages,omitempty"`
	Oversight           Oversight    `json:"oversight"`
}

// General is KITOS's DataProcessingRegistrationGeneralDataResponseDTO.
// The choices are KITOS enum member names: IsAgreementConcluded is one of
// YesNoIrrelevantChoice ("No", "Yes", "Irrelevant", "Undecided"), the
// transfer and sub-processor answers of YesNoUndecidedChoice ("No", "Yes",
// "Undecided"); empty when not answered.
type General struct {
	IsAgreementConcluded                   string             `json:"isAgreementConcluded,omitempty"`
	AgreementConcludedAt                   Time               `json:"agreementConcludedAt,omitzero"`
	BasisForTransfer                       *Identity          `json:"basisForTransfer,omitempty"`
	TransferToInsecureThirdCountries       string             `json:"transferToInsecureThirdCountries,omitempty"`
	InsecureCountriesSubjectToDataTransfer []Identity         `json:"insecureCountriesSubjectToDataTransfer,omitempty"`
	DataProcessors                         []Organization     `json:"dataProcessors,omitempty"`
	HasSubDataProcessors                   string             `json:"hasSubDataProcessors,omitempty"`
	SubDataProcessors                      []SubDataProcessor `json:"subDataProcessors,omitempty"`
	Valid                                  bool               `json:"valid,omitempty"`
	MainContract                           *Identity          `json:"mainContract,omitempty"`
}

// SubDataProcessor is KITOS's DataProcessorRegistrationSubDataProcessorResponseDTO:
// a sub-processor's organisation and what KITOS records about its transfers.
type SubDataProcessor struct {
	DataProcessorOrganization                   Organization `json:"dataProcessorOrganization"`
	BasisForTransfer                            *Identity    `json:"basisForTransfer,omitempty"`
	TransferToInsecureThirdCountry              string       `json:"transferToInsecureThirdCountry,omitempty"`
	InsecureThirdCountrySubjectToDataProcessing *Identity    `json:"insecureThirdCountrySubjectToDataProcessing,omitempty"`
}

// Oversight is KITOS's DataProcessingRegistrationOversightResponseDTO.
// OversightInterval is one of OversightIntervalChoice ("BiYearly",
// "Yearly", "EveryOtherYear", "Other", "Undecided").
type Oversight struct {
	OversightOptions                 []Identity      `json:"oversightOptions,omitempty"`
	OversightInterval                string          `json:"oversightInterval,omitempty"`
	IsOversightCompleted             string          `json:"isOversightCompleted,omitempty"`
	OversightScheduledInspectionDate Time            `json:"oversightScheduledInspectionDate,omitzero"`
	OversightDates                   []OversightDate `json:"oversightDates,omitempty"`
}

// OversightDate is KITOS's OversightDateDTO: a completed oversight.
type OversightDate struct {
	UUID        string `json:"uuid,omitempty"`
	CompletedAt Time   `json:"completedAt"`
}

// SystemUsage is KITOS's ItSystemUsageResponseDTO, reduced to its identity,
// the system it uses and its GDPR registrations.
type SystemUsage struct {
	UUID          string   `json:"uuid"`
	LastModified  Time     `json:"lastModified,omitzero"`
	SystemContext Identity `json:"systemContext"`
	GDPR          GDPR     `json:"gdpr"`
}

// GDPR is KITOS's GDPRRegistrationsResponseDTO, reduced to what names data
// and purposes: the purpose (free text), the specific personal data
// (GDPRPersonalDataChoice: "CprNumber", "SocialProblems",
// "OtherPrivateMatters"), the sensitive personal data and the registered
// data categories (options the kommune edits) and the sensitivity levels
// (DataSensitivityLevelChoice).
type GDPR struct {
	Purpose                  string     `json:"purpose,omitempty"`
	DataSensitivityLevels    []string   `json:"dataSensitivityLevels,omitempty"`
	SensitivePersonData      []Identity `json:"sensitivePersonData,omitempty"`
	SpecificPersonalData     []string   `json:"specificPersonalData,omitempty"`
	RegisteredDataCategories []Identity `json:"registeredDataCategories,omitempty"`
}

// Deletion is KITOS's TrackingEventResponseDTO from the deleted-entities
// feed: an entity of a type (TrackedEntityTypeChoice:
// "DataProcessingRegistration", "ItSystemUsage", …) deleted at an instant.
type Deletion struct {
	EntityType    string `json:"entityType"`
	EntityUUID    string `json:"entityUuid"`
	OccurredAtUTC Time   `json:"occurredAtUtc"`
}

// tokenAnswer is V1's ApiReturnDTO<GetTokenResponseDTO>.
type tokenAnswer struct {
	Msg      string `json:"msg,omitempty"`
	Response struct {
		Token           string `json:"token"`
		Email           string `json:"email,omitempty"`
		LoginSuccessful bool   `json:"loginSuccessful"`
		Expires         Time   `json:"expires"`
	} `json:"response"`
}

// Time is a KITOS timestamp. KITOS serialises .NET DateTime values as ISO
// 8601 with or without a zone ("2024-03-01T00:00:00", "2024-03-01T10:15:00Z",
// "2024-03-01T10:15:00.123+01:00"); a value without a zone is read as UTC.
// Date returns the calendar date as written, which is what KITOS's date
// fields (agreement concluded, oversight completed) mean.
type Time struct {
	t    time.Time
	date compliance.Date
}

// IsZero reports whether no time was given.
func (t Time) IsZero() bool { return t.t.IsZero() }

// Time returns the instant.
func (t Time) Time() time.Time { return t.t }

// Date returns the calendar date as written in the source.
func (t Time) Date() compliance.Date { return t.date }

// NewTime returns the Time of an instant, dated in its own location.
func NewTime(at time.Time) Time { return Time{t: at, date: compliance.DateOf(at)} }

var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.9999999", "2006-01-02T15:04:05", "2006-01-02"}

// UnmarshalJSON reads a JSON string or null.
func (t *Time) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*t = Time{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return errTime
	}
	if len(s) > 40 {
		return errTime
	}
	for _, l := range timeLayouts {
		if v, err := time.Parse(l, s); err == nil {
			d, err := compliance.ParseDate(s[:10])
			if err != nil {
				return errTime
			}
			*t = Time{t: v, date: d}
			return nil
		}
	}
	return errTime
}

// MarshalJSON writes the instant in RFC 3339.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.t.Format(time.RFC3339Nano))
}

var errTime = errors.New("kitos: not a timestamp")

// MalformedError reports an answer from KITOS that is not what its API
// documents: not JSON, the wrong shape, a missing or invalid UUID, more
// items than asked for. It names the endpoint and, where known, the field
// (a JSON path), never the answer's content.
type MalformedError struct {
	// Endpoint is the API path: "api/v2/data-processing-registrations".
	Endpoint string
	// Field is the JSON path of the bad value, when known.
	Field string
	// Reason says what is wrong.
	Reason string
}

// Error names the endpoint, the field and the reason.
func (e *MalformedError) Error() string {
	var b strings.Builder
	b.WriteString("kitos: malformed answer from ")
	b.WriteString(e.Endpoint)
	if e.Field != "" {
		b.WriteString(" at ")
		b.WriteString(e.Field)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	return b.String()
}

// Is reports ErrMalformed.
func (e *MalformedError) Is(target error) bool { return target == ErrMalformed }

// ErrMalformed matches every [*MalformedError].
var ErrMalformed = errors.New("kitos: malformed answer")

// decodeList reads a JSON array of T from b for endpoint, strictly as to
// types and trailing data, and checks each item.
func decodeList[T any](b []byte, endpoint string, check func(i int, v *T) error) ([]T, error) {
	var vs []T
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&vs); err != nil {
		return nil, jsonErr(err, endpoint)
	}
	if len(bytes.TrimSpace(b[dec.InputOffset():])) > 0 {
		return nil, &MalformedError{Endpoint: endpoint, Reason: "trailing data after the JSON value"}
	}
	if vs == nil {
		return nil, &MalformedError{Endpoint: endpoint, Reason: "not a JSON array"}
	}
	for i := range vs {
		if err := check(i, &vs[i]); err != nil {
			return nil, err
		}
	}
	return vs, nil
}

func jsonErr(err error, endpoint string) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return &MalformedError{Endpoint: endpoint, Field: te.Field, Reason: "a value of the wrong type"}
	case errors.As(err, &se):
		return &MalformedError{Endpoint: endpoint, Reason: fmt.Sprintf("not JSON (at byte %d)", se.Offset)}
	case errors.Is(err, errTime):
		return &MalformedError{Endpoint: endpoint, Reason: "a timestamp that is not ISO 8601"}
	}
	return &MalformedError{Endpoint: endpoint, Reason: "not JSON"}
}

func checkUUID(endpoint, field, s string) error {
	if _, err := uuid.Parse(s); err != nil || len(s) != 36 {
		return &MalformedError{Endpoint: endpoint, Field: field, Reason: "not a UUID"}
	}
	return nil
}

func idx(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// Endpoints.
const (
	pathToken         = "api/authorize/GetToken"
	pathRegistrations = "api/v2/data-processing-registrations"
	pathUsages        = "api/v2/it-system-usages"
	pathOrganizations = "api/v2/organizations"
	pathDeleted       = "api/v2/delta-feed/deleted-entities"
)

// ParseRegistrations reads a page of data processing registrations as
// GET api/v2/data-processing-registrations answers it. Every registration,
// data processor, sub-processor, system usage and oversight date must have
// a UUID.
func ParseRegistrations(b []byte) ([]Registration, error) {
	return decodeList(b, pathRegistrations, func(i int, r *Registration) error {
		p := idx("", i)
		if err := checkUUID(pathRegistrations, p+".uuid", r.UUID); err != nil {
			return err
		}
		for j, o := range r.General.DataProcessors {
			if err := checkUUID(pathRegistrations, idx(p+".general.dataProcessors", j)+".uuid", o.UUID); err != nil {
				return err
			}
		}
		for j, s := range r.General.SubDataProcessors {
			if err := checkUUID(pathRegistrations, idx(p+".general.subDataProcessors", j)+".dataProcessorOrganization.uuid", s.DataProcessorOrganization.UUID); err != nil {
				return err
			}
		}
		for j, u := range r.SystemUsages {
			if err := checkUUID(pathRegistrations, idx(p+".systemUsages", j)+".uuid", u.UUID); err != nil {
				return err
			}
		}
		for j, d := range r.Oversight.OversightDates {
			if d.UUID != "" {
				if err := checkUUID(pathRegistrations, idx(p+".oversight.oversightDates", j)+".uuid", d.UUID); err != nil {
					return err
				}
			}
			if d.CompletedAt.IsZero() {
				return &MalformedError{Endpoint: pathRegistrations, Field: idx(p+".oversight.oversightDates", j) + ".completedAt", Reason: "missing"}
			}
		}
		return nil
	})
}

// ParseSystemUsages reads a page of system usages as GET
// api/v2/it-system-usages answers it.
func ParseSystemUsages(b []byte) ([]SystemUsage, error) {
	return decodeList(b, pathUsages, func(i int, u *SystemUsage) error {
		return checkUUID(pathUsages, idx("", i)+".uuid", u.UUID)
	})
}

// ParseOrganizations reads a page of organisations as GET
// api/v2/organizations answers it.
func ParseOrganizations(b []byte) ([]Organization, error) {
	return decodeList(b, pathOrganizations, func(i int, o *Organization) error {
		return checkUUID(pathOrganizations, idx("", i)+".uuid", o.UUID)
	})
}

// ParseDeletions reads a page of the deleted-entities feed as GET
// api/v2/delta-feed/deleted-entities answers it.
func ParseDeletions(b []byte) ([]Deletion, error) {
	return decodeList(b, pathDeleted, func(i int, d *Deletion) error {
		if d.EntityType == "" {
			return &MalformedError{Endpoint: pathDeleted, Field: idx("", i) + ".entityType", Reason: "missing"}
		}
		return checkUUID(pathDeleted, idx("", i)+".entityUuid", d.EntityUUID)
	})
}
