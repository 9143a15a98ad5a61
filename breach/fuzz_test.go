package breach_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
)

// FuzzDecode decodes arbitrary bytes as a breach and validates it: no
// panic; every error matches compliance.ErrInvalid, is a ValidationError
// naming fields, and contains no input text; a breach that decodes and
// validates re-encodes and decodes to the same JSON, and can be assessed.
func FuzzDecode(f *testing.F) {
	for _, b := range []breach.Breach{danishRansomware(), norwegianLetter(), incident(aware, breach.Availability)} {
		raw, err := json.Marshal(utc(b))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	for _, s := range []string{
		`{}`, `null`, `[]`, `{"cause":"ransomware","nature":["confidentiality"]}`,
		`{"authority":[{"phase":"initial","at":"2024-03-01T09:00:00Z"}]}`,
		`{"enisa":{"adjustments":[{"type":"simple","factor":"volume","delta":"1e400"}]}}`,
		`{"subjectCount":{"min":-1,"max":1e30}}`, `{"data":["health",7]}`,
		`{"id":"00000000-0000-7000-8000-00000000000Z"}`, "{\"text\":{\"summary\":\"\xff\"}}",
	} {
		f.Add([]byte(s))
	}
	cal, err := compliance.NewCalendar(compliance.DK, compliance.CalendarOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := breach.Decode(data)
		if err != nil {
			if !errors.Is(err, compliance.ErrInvalid) {
				t.Fatalf("error %v does not match ErrInvalid", err)
			}
			var ve *compliance.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %T is not a ValidationError", err)
			}
			msg := err.Error()
			for _, w := range strings.FieldsFunc(string(data), func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
			}) {
				// Words of the input that are not field names, codes or
				// reason words must not appear in the error.
				if len(w) >= 6 && strings.Contains(msg, w) && !allowedInError(w) {
					t.Fatalf("error %q repeats input %q", msg, w)
				}
			}
			return
		}
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatalf("a valid breach does not marshal: %v", err)
		}
		again, err := breach.Decode(raw)
		if err != nil {
			t.Fatalf("a marshalled breach does not decode: %v", err)
		}
		raw2, _ := json.Marshal(again)
		if string(raw) != string(raw2) {
			t.Fatalf("round trip changed the breach:\n%s\n%s", raw, raw2)
		}
		if _, err := breach.Assess(b, cal, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil &&
			!errors.Is(err, compliance.ErrInvalid) {
			t.Fatalf("assess: %v", err)
		}
	})
}

// allowedInError reports whether w may appear in an error message: the
// words of tillid's own error texts, field names and vocabulary codes.
func allowedInError(w string) bool {
	return strings.Contains(strings.ToLower(errorVocabulary), strings.ToLower(w))
}

// errorVocabulary is every word an error may legitimately contain.
var errorVocabulary = func() string {
	var b strings.Builder
	b.WriteString("compliance invalid breach required unknown format length date checksum unallocated range inconsistent duplicate too-long accepted ")
	for _, f := range []string{"classification", "reporter", "processor", "registered", "occurred", "occurredUntil",
		"discovered", "aware", "contained", "nature", "cause", "malicious", "data", "subjects", "subjectCount",
		"recordCount", "encryption", "backup", "restored", "impact", "recipients", "enisa", "identifiability",
		"adjustments", "confidentiality", "integrity", "availability", "highRiskAverted", "disproportionateEffort",
		"authority", "communications", "text", "summary", "description", "effects", "consequences",
		"measuresBefore", "measuresTaken", "measuresProposed", "mitigation", "advice", "delayReasons", "version",
		"reference", "agreedHours", "notified", "phase", "complete", "nextBy", "channel", "count", "factor",
		"delta", "note", "type", "min", "max", "approximate", "data-category", "subject-category", "dimension",
		"department", "activity", "factors", "protectedAddress", "credentials", "paymentData", "likelihood",
		"gravity", "irreversible", "withheld", "controller"} {
		b.WriteString(f + " ")
	}
	for _, codes := range [][]string{codesOfEnum(breach.AllReporters()), codesOfEnum(breach.AllCauses()),
		codesOfEnum(breach.AllEncryptions()), codesOfEnum(breach.AllBackups()), codesOfEnum(breach.AllRecipients()),
		codesOfEnum(breach.AllImpacts()), codesOfEnum(breach.AllClassifications()), codesOfEnum(breach.AllPhases()),
		codesOfEnum(breach.AllChannels()), codesOfEnum(breach.AllDimensions()), codesOfEnum(breach.AllDataTypes()),
		codesOfEnum(breach.AllIdentifiabilities()), codesOfEnum(breach.AllLosses()), codesOfEnum(breach.AllContextFactors()),
		codesOfEnum(compliance.AllDataCategories()), codesOfEnum(compliance.AllSubjectCategories()),
		codesOfEnum(breach.AllLikelihoods()), codesOfEnum(breach.AllGravities()), codesOfEnum(breach.AllWithholdings())} {
		b.WriteString(strings.Join(codes, " ") + " ")
	}
	return b.String()
}()

// FuzzParse feeds arbitrary text to every parser of a breach vocabulary:
// no panic; a code parses back to itself; an error matches ErrInvalid and
// does not repeat the input.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"ransomware", "state-of-the-art", "", "Ransomware", "very-high", "x\x00", "public"} {
		f.Add(s)
	}
	parsers := []func(string) (string, error){
		func(s string) (string, error) { v, err := breach.ParseReporter(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseCause(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseEncryption(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseBackup(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseRecipients(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseImpact(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseClassification(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParsePhase(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseChannel(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseRisk(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseExemption(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseCommunication(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseStatus(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseDuty(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseDimension(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseDataType(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseIdentifiability(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseLoss(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseContextFactor(s); return v.String(), err },
		func(s string) (string, error) { v, err := breach.ParseBand(s); return v.String(), err },
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, parse := range parsers {
			code, err := parse(s)
			switch {
			case err == nil && code != s:
				t.Fatalf("%q parsed to %q", s, code)
			case err != nil && !errors.Is(err, compliance.ErrInvalid):
				t.Fatalf("error %v does not match ErrInvalid", err)
			case err != nil:
				// The error is the vocabulary's fixed error: its text is
				// the vocabulary's name and codes, never the input.
				var fe *compliance.FieldError
				if !errors.As(err, &fe) || fe.Reason != compliance.ReasonUnknown || len(fe.Accepted) == 0 {
					t.Fatalf("error %v is not the vocabulary's unknown-code error", err)
				}
			}
		}
	})
}
