package compliance

// Table is a language-neutral table: column headers and rows of cells, each
// a message that package i18n renders in the reader's language (as CSV with
// i18n's Printer.CSV). A register export is one ([RegisterExport.Table]).
type Table struct {
	// Columns are the column headers.
	Columns []Message `json:"columns"`
	// Rows are the rows; each has one Cell per column.
	Rows [][]Cell `json:"rows"`
}

// Cell is one cell of a [Table]: zero or more messages, rendered one after
// the other and separated by the language's list separator ("; "). An
// empty Cell is an empty cell.
type Cell []Message
