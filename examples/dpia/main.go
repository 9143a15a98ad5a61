// Command dpia screens three processing activities of a kommune for the
// need of a data protection impact assessment (Art 35 GDPR): a
// learning-analytics platform in the schools, camera surveillance in a
// kindergarten, and a welfare-technology fall sensor in home care. Each is
// screened against WP248's criteria, Art 35(3) and Datatilsynet's list,
// and the result is printed with its references in Norwegian bokmål,
// Norwegian nynorsk and Danish (all three by default).
//
// The Norwegian texts screen a Norwegian kommune against the Norwegian
// Datatilsynet's list (items 8, 10 and 4 require a DPIA for the three);
// the Danish text screens a Danish kommune against the Danish list, where
// the schools and the kindergarten are presumed to need one because two
// WP248 criteria are met, and the sensor is on the list as innovative
// technology.
//
//	go run ./examples/dpia
//	go run ./examples/dpia -lang nn
//	go run ./examples/dpia -lang en -j dk
//
// Flags:
//
//	-lang da|nb|nn|en  print in one language only
//	-j dk|no           the kommune's country (default: dk for da, no otherwise)
//	-json              print the screenings as JSON
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/dpia/dpiatest"
	"github.com/tillid/tillid/i18n"
)

func main() {
	err := run(os.Args[1:], os.Stdout)
	if errors.Is(err, flag.ErrHelp) {
		return // -h: the usage is printed; that is success
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "dpia:", err)
		os.Exit(2)
	}
}

// scenario is one processing to screen, with its title in each language
// and the list items that describe it in each country.
type scenario struct {
	titles     map[string]string
	categories compliance.DataCategories
	subjects   compliance.SubjectCategories
	criteria   []dpia.Criterion
	scale      dpia.Scale
	items      map[compliance.Jurisdiction][]dpia.ListItem
}

var scenarios = []scenario{
	{
		titles: map[string]string{
			"nb": "Læringsanalyse i grunnskolen", "nn": "Læringsanalyse i grunnskulen",
			"da": "Læringsanalyse i folkeskolen", "en": "Learning analytics in the schools",
		},
		categories: compliance.CategoriesOf(compliance.Identity, compliance.Education, compliance.UsageData),
		subjects:   compliance.SubjectsOf(compliance.Pupils, compliance.Employees),
		criteria:   []dpia.Criterion{dpia.Evaluation, dpia.SystematicMonitoring},
		scale:      dpia.Scale{Subjects: 3200, Population: 3400, DataItems: 40, Geography: dpia.Local},
		items: map[compliance.Jurisdiction][]dpia.ListItem{
			compliance.NO: {dpia.NOLearning, dpia.NOProficiency},
		},
	},
	{
		titles: map[string]string{
			"nb": "Kameraovervåking i barnehagen", "nn": "Kameraovervaking i barnehagen",
			"da": "Kameraovervågning i børnehaven", "en": "Camera surveillance in the kindergarten",
		},
		categories: compliance.CategoriesOf(compliance.Images),
		subjects:   compliance.SubjectsOf(compliance.Children, compliance.Employees),
		criteria:   []dpia.Criterion{dpia.SystematicMonitoring},
		scale:      dpia.Scale{Subjects: 95, LargeScale: dpia.No, Geography: dpia.Local},
		items: map[compliance.Jurisdiction][]dpia.ListItem{
			compliance.NO: {dpia.NOSchoolCamera},
		},
	},
	{
		titles: map[string]string{
			"nb": "Fallsensor i hjemmetjenesten", "nn": "Fallsensor i heimetenesta",
			"da": "Faldsensor i hjemmeplejen", "en": "Fall sensor in home care",
		},
		categories: compliance.CategoriesOf(compliance.Identity, compliance.Health, compliance.UsageData),
		subjects:   compliance.SubjectsOf(compliance.Elderly),
		criteria:   []dpia.Criterion{dpia.InnovativeUse, dpia.SystematicMonitoring},
		scale:      dpia.Scale{Subjects: 350},
		items: map[compliance.Jurisdiction][]dpia.ListItem{
			compliance.NO: {dpia.NOInnovative, dpia.NOIoTWelfare},
			compliance.DK: {dpia.DKInnovative},
		},
	},
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("dpia", flag.ContinueOnError)
	fs.SetOutput(out)
	lang := fs.String("lang", "", "print in one language: da, nb, nn or en (default: nb, nn and da)")
	jur := fs.String("j", "", "the kommune's country: dk or no (default: dk for da, no otherwise)")
	asJSON := fs.Bool("json", false, "print the screenings as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	langs := []string{"nb", "nn", "da"}
	if *lang != "" {
		switch *lang {
		case "da", "nb", "nn", "en":
			langs = []string{*lang}
		default:
			return errors.New("-lang: use da, nb, nn or en")
		}
	}
	var fixed compliance.Jurisdiction
	if *jur != "" {
		j, err := compliance.ParseJurisdiction(*jur)
		if err != nil {
			return fmt.Errorf("-j: %w", err)
		}
		fixed = j
	}

	// The Register screens under the kommune's policy (here the default:
	// no thresholds for large scale, only the confirmed Danish items). A
	// fixed clock and sequential IDs keep the output the same on every run.
	reg := dpia.NewRegister(dpiatest.NewMemStore(), &dpia.Options{
		Options: compliance.Options{
			Now:   func() time.Time { return time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC) },
			NewID: compliance.Sequence(),
		},
	})
	var screenings []dpia.Screening
	for i, l := range langs {
		j := fixed
		if j == 0 {
			j = compliance.NO
			if l == "da" {
				j = compliance.DK
			}
		}
		p := i18n.NewPrinter(language.MustParse(l))
		for k, sc := range scenarios {
			s, err := reg.Screen(dpia.Input{
				Jurisdiction: j,
				Title:        sc.titles[l],
				Categories:   sc.categories,
				Subjects:     sc.subjects,
				Criteria:     sc.criteria,
				Scale:        sc.scale,
				Items:        sc.items[j],
			})
			if err != nil {
				return err
			}
			if *asJSON {
				screenings = append(screenings, s)
				continue
			}
			if i > 0 || k > 0 {
				if _, err := io.WriteString(out, "\n"); err != nil {
					return err
				}
			}
			if _, err := io.WriteString(out, p.Text(s.Document())); err != nil {
				return err
			}
		}
	}
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(screenings)
	}
	return nil
}
