package art30_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/interop/art30"
)

// file400 is a controller protokoll of 400 activities.
func file400() []byte {
	var b strings.Builder
	b.WriteString("\xef\xbb\xbfBehandlingsaktivitet;Formål med behandlingen;Kategorier av registrerte;Kategorier av personopplysninger;Kategorier av mottakere;Planlagte tidsfrister for sletting;Generell beskrivelse av tekniske og organisatoriske sikkerhetstiltak\n")
	for i := range 400 {
		fmt.Fprintf(&b, "Aktivitet %d;\"Formål %d\nOppfølging\";\"elever\ninnbyggere\";\"kontaktopplysninger\nhelseopplysninger\";NAV;Fem år;Tilgangsstyring\n", i, i)
	}
	return []byte(b.String())
}

// BenchmarkArt30Plan400 reads and plans a protokoll of 400 activities
// against an empty register.
func BenchmarkArt30Plan400(b *testing.B) {
	f, reg := file400(), newRegister(b)
	b.ReportAllocs()
	for b.Loop() {
		s, err := art30.Read(bytes.NewReader(f), art30.Controller)
		if err != nil {
			b.Fatal(err)
		}
		batch, err := art30.Plan(context.Background(), reg, ctrl, s, options())
		if err != nil || batch.Report().Count(interop.Create) != 400 {
			b.Fatal("unexpected plan", err)
		}
	}
}
