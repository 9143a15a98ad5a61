package art30_test

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/tillid/tillid/interop/art30"
)

// Read either reads a sheet or returns an ErrFormat error; it never panics
// and every row it returns has a name column.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"behandlingsansvarlig.csv", "databehandler.csv"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(art30.Controller))
		f.Add(b, uint8(art30.Processor))
	}
	f.Add([]byte("Behandlingsaktivitet;x\n\"a\nb\";'=1\n"), uint8(1))
	f.Fuzz(func(t *testing.T, b []byte, tpl uint8) {
		s, err := art30.Read(bytes.NewReader(b), art30.Template(tpl))
		if err != nil {
			if !errors.Is(err, art30.ErrFormat) {
				t.Fatalf("error is not ErrFormat: %v", err)
			}
			return
		}
		if len(s.Rows) > art30.MaxRows {
			t.Fatal("too many rows")
		}
	})
}
