package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/tillid/tillid/cmd/tillidd/internal/demo"
	"github.com/tillid/tillid/cmd/tillidd/internal/server"
	"github.com/tillid/tillid/compliance"
)

// A server over the in-memory stores with one kommune and a check key,
// asked whether case data may go to the demo kommune's ESDH supplier.
func Example() {
	at := func() time.Time { return time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC) }
	be := server.NewMemory()
	if err := demo.Seed(context.Background(), be.Processors(), compliance.Options{Now: at}); err != nil {
		panic(err)
	}
	keys := server.NewKeyring()
	keys.AddController(server.Controller{ID: demo.ControllerID(), Jurisdiction: compliance.DK, Name: demo.Name})
	key, err := keys.AddKey(demo.ControllerID(), server.RoleCheck)
	if err != nil {
		panic(err)
	}
	s, err := server.New(server.Config{Backend: be, Keys: keys, Options: compliance.Options{Now: at}})
	if err != nil {
		panic(err)
	}
	defer s.Close()

	req := httptest.NewRequest("POST", "/v1/checks", strings.NewReader(
		`{"processor":{"cvr":"13748136"},"data":["identity","case-data"],"subjects":["citizens"],"purpose":"sagsbehandling"}`))
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Language", "en")
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)

	var d server.CheckResult
	if err := json.NewDecoder(rec.Body).Decode(&d); err != nil {
		panic(err)
	}
	var fs []server.Finding
	_ = json.Unmarshal(d.Findings, &fs)
	fmt.Println(rec.Code == http.StatusOK, d.Outcome, d.Name, d.ProcessorVersion)
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code)
	}
	// Output:
	// true allow-with-warnings Sagssystemer A/S 1
	// warning processor.supervision-unplanned
}
