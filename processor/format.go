package processor

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
)

// Formatting. A Processor holds personal data in its contacts, a
// SubProcessor in its contact and address, a Deviation free text an
// auditor wrote. Their Format methods make every fmt verb (%v, %+v, %#v,
// %s, %q, %d, …) print what their LogValue methods give slog: IDs, codes
// and counts, never those fields (issue 14, item 5).

// Format implements [fmt.Formatter]: the processor's ID, version, country
// and the sizes of its lists.
func (p Processor) Format(f fmt.State, _ rune) {
	io.WriteString(f, "processor{id:"+p.ID.String()+" version:"+strconv.FormatUint(p.Version, 10)+
		" country:"+p.Country.String()+" agreements:"+strconv.Itoa(len(p.Agreements))+
		" subProcessors:"+strconv.Itoa(len(p.SubProcessors))+" audits:"+strconv.Itoa(len(p.Audits))+"}")
}

// Format implements [fmt.Formatter]: a placeholder, never the person.
func (c Contact) Format(f fmt.State, _ rune) { io.WriteString(f, "[contact]") }

// Format implements [fmt.Formatter]: the sub-processor's ID and country.
func (s SubProcessor) Format(f fmt.State, _ rune) {
	io.WriteString(f, "subProcessor{id:"+s.ID.String()+" country:"+s.Country.String()+"}")
}

// Format implements [fmt.Formatter]: the deviation's follow-up and due
// date, never its text.
func (d Deviation) Format(f fmt.State, _ rune) {
	io.WriteString(f, "deviation{followUp:"+d.FollowUp.String()+" due:"+d.Due.String()+"}")
}

// LogValue implements [slog.LogValuer]: the deviation's follow-up and due
// date, never its text.
func (d Deviation) LogValue() slog.Value {
	return slog.GroupValue(slog.String("followUp", d.FollowUp.String()), slog.String("due", d.Due.String()))
}
