package rights_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/rights"
)

// FuzzDecodeRequest: DecodeRequest never panics; it either returns a valid
// request that round-trips, or an error matching ErrInvalid that names
// fields and never repeats input text — a national identity number
// included.
func FuzzDecodeRequest(f *testing.F) {
	id, err := ident.ParseNational(compliance.DK, "010150-5006")
	if err != nil {
		f.Fatal(err)
	}
	r := rights.Request{
		ID: rights.RequestID{UUID: recUUID(1)}, Kind: rights.Erasure,
		Received: time.Date(2025, 3, 17, 10, 0, 0, 0, time.UTC), Channel: rights.ChannelDigitalPost,
		Subject: rights.Subject{NationalID: id, Reference: "sag 1"}, Status: rights.InProgress,
		Verification: rights.Verification{Method: rights.VerifiedEID, At: time.Date(2025, 3, 17, 11, 0, 0, 0, time.UTC)},
		Extension:    rights.Extension{Notified: time.Date(2025, 3, 20, 9, 0, 0, 0, time.UTC), Reason: rights.ExtensionComplexity, Months: 2},
		Erasure:      rights.ErasureReview{Status: rights.ErasurePending},
		Activities:   []record.ActivityID{{UUID: recUUID(2)}},
	}
	data, err := json.Marshal(r)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"kind":"access","received":"2025-03-17T10:00:00Z","channel":"email","status":"received"}`))
	f.Add([]byte(`{"subject":{"nationalId":"no:01015012345"}}`))
	f.Add([]byte(`{"kind":"erasure","erasure":{"status":"refuse"},"refusal":"erasure-exception"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := rights.DecodeRequest(data)
		if err != nil {
			recCheckDecodeError(t, data, err)
			return
		}
		again, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("marshal a decoded request: %v", err)
		}
		b, err := rights.DecodeRequest(again)
		if err != nil {
			t.Fatalf("the JSON form of a decoded request does not decode: %v", err)
		}
		if back, _ := json.Marshal(b); !bytes.Equal(back, again) {
			t.Fatalf("round trip changed the request:\n%s\n%s", again, back)
		}
	})
}
