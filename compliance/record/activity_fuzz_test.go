package record_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"testing"
	"unicode"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/internal/leaktest"
)

// recLeaks returns the string tokens of the JSON input that an error must
// never repeat: those with an upper-case letter, a non-ASCII character or
// a run of five digits, none of which occurs in field paths, reasons or
// vocabulary codes. Short tokens, and camelCase words that may be member
// names ("nationalId"), may coincide with what an error names and are not
// checked.
func recLeaks(input []byte) []string {
	var out []string
	dec := json.NewDecoder(bytes.NewReader(input))
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		s, ok := tok.(string)
		if !ok || len(s) < 4 || recCamel.MatchString(s) {
			continue
		}
		digits := 0
		for _, r := range s {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case unicode.IsUpper(r) || r > unicode.MaxASCII:
				digits = 5
			default:
				digits = 0
			}
			if digits >= 5 {
				out = append(out, s)
				break
			}
		}
	}
}

var recCamel = regexp.MustCompile(`^[a-z]+(?:[A-Z][a-z]+)*$`)

func recCheckDecodeError(t *testing.T, input []byte, err error) {
	t.Helper()
	if !errors.Is(err, compliance.ErrInvalid) {
		t.Fatalf("error %v does not match ErrInvalid", err)
	}
	var ve *compliance.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) == 0 {
		t.Fatalf("error %v is not a ValidationError with fields", err)
	}
	// An error may name field paths (made of member names and indexes),
	// vocabularies and their accepted codes; the rest of it must not repeat
	// the input.
	if s, ok := leaktest.Repeats(err, recLeaks(input)); ok {
		t.Fatalf("error %q repeats input text %q", err, s)
	}
}

// FuzzDecodeActivity: DecodeActivity never panics; it either returns a
// valid activity whose JSON form decodes to the same activity, or an error
// matching ErrInvalid that names fields and repeats no input text.
func FuzzDecodeActivity(f *testing.F) {
	for _, a := range []record.Activity{recSchool(), recJobcenter(), recPersonnel(), recSharedESDH()} {
		data, err := json.Marshal(a)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"purposes":[{"basis":"public-interest"}],"Navn":"Kristian Hansen"}`))
	f.Add([]byte(`{"name":"a","name":"b"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := record.DecodeActivity(data)
		if err != nil {
			recCheckDecodeError(t, data, err)
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("decoded activity does not validate: %v", err)
		}
		again, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("marshal a decoded activity: %v", err)
		}
		b, err := record.DecodeActivity(again)
		if err != nil {
			t.Fatalf("the JSON form of a decoded activity does not decode: %v", err)
		}
		if back, _ := json.Marshal(b); !bytes.Equal(back, again) {
			t.Fatalf("round trip changed the activity:\n%s\n%s", again, back)
		}
	})
}
