// Redaction shows a log/slog logger that scrubs personal data from helpdesk
// logs with package redact, and a keyed pseudonym that lets a report count
// tickets per customer without naming anyone.
//
//	go run ./examples/redaction
//
// The first part logs the same records through a plain slog.TextHandler and
// through redact's Handler, and prints each line before and after. The second
// logs a day of tickets as JSON with e-mail addresses and phone numbers
// replaced by keyed pseudonyms, then reads those logs back, as an analytics job
// would, to count tickets per customer.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/slakit/slakit/redact"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "redaction:", err)
		os.Exit(1)
	}
}

// pseudonymKey keys the pseudonyms. A real deployment loads it from a secret
// store and keeps it stable for as long as reports must agree; whoever holds
// it can confirm a guess ("is [EMAIL:...] jane@example.com?"), nobody else can.
var pseudonymKey = []byte("example key: load it from a secret store")

type ticket struct {
	id, requester, body string
}

var tickets = []ticket{
	{"T-2001", "Jane.Doe@example.com", "I can't log in to the portal. Call me on (212) 555-0143 or reply to jane.doe@example.com."},
	{"T-2002", "bob@example.org", "Card 4111 1111 1111 1111 was charged twice; please refund to GB82 WEST 1234 5698 7654 32."},
	{"T-2003", "jane.doe@example.com", "VPN from 203.0.113.7 fails since this morning. My SSN is 123-45-6780 if HR needs it."},
	{"T-2004", "carol@example.net", "I pasted my token by mistake: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYXJvbCJ9.c2lnbmF0dXJl"},
	{"T-2005", "JANE.DOE@EXAMPLE.COM", "Still locked out, same as T-2001. Mobile +1 212 555 0143."},
	{"T-2006", "bob@example.org", "The refund arrived, thanks. Order 2026-00418 can be closed."},
	{"T-2007", "dave@example.com", "Server 2001:db8::42 answers on IPv6 only; password=Winter2026! works from the office."},
}

func run(w io.Writer) error {
	if err := beforeAfter(w); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return pseudonymReport(w)
}

// noTime drops the time so that every run prints the same thing.
func noTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	return a
}

// beforeAfter logs the same records through a plain handler and through
// redact's Handler wrapped around an identical one.
func beforeAfter(w io.Writer) error {
	var raw, scrubbed bytes.Buffer
	opts := &slog.HandlerOptions{ReplaceAttr: noTime}
	loggers := []*slog.Logger{
		slog.New(slog.NewTextHandler(&raw, opts)),
		slog.New(redact.Default().Handler(slog.NewTextHandler(&scrubbed, opts))),
	}
	for _, logger := range loggers {
		desk := logger.With("desk", "new-york", "agent", "sam.lee@helpdesk.example")
		for _, t := range tickets[:4] {
			desk.Info("ticket received", "ticket", t.id, "requester", t.requester, "body", t.body)
		}
		desk.Warn("payment retry failed",
			"ticket", "T-2002",
			"card_number", "4111111111111111", // a sensitive key: removed whatever it holds
			"err", errors.New("gateway 198.51.100.20 refused card 4111 1111 1111 1111"))
		desk.Error("webhook rejected",
			slog.Group("http", "method", "POST", "path", "/hooks/tickets",
				"x-api-key", "k_9f8e7d6c5b4a", "client_ip", "203.0.113.7"))
	}

	fmt.Fprintln(w, "Log lines before (-) and after (+) redact.Default().Handler")
	before := strings.Split(strings.TrimSuffix(raw.String(), "\n"), "\n")
	after := strings.Split(strings.TrimSuffix(scrubbed.String(), "\n"), "\n")
	if len(before) != len(after) {
		return fmt.Errorf("%d lines before redaction, %d after", len(before), len(after))
	}
	for i := range before {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "-", before[i])
		fmt.Fprintln(w, "+", after[i])
	}
	return nil
}

// pseudonymReport logs every ticket as JSON with e-mail addresses and phone
// numbers pseudonymised, then counts tickets per customer from the log alone.
func pseudonymReport(w io.Writer) error {
	r, err := redact.New(
		redact.WithOperator(redact.KindEmail, redact.Pseudonym(pseudonymKey)),
		redact.WithOperator(redact.KindPhone, redact.Pseudonym(pseudonymKey)),
	)
	if err != nil {
		return err
	}
	var logs bytes.Buffer
	logger := slog.New(r.Handler(slog.NewJSONHandler(&logs, &slog.HandlerOptions{ReplaceAttr: noTime})))
	for _, t := range tickets {
		logger.Info("ticket received", "ticket", t.id, "requester", t.requester, "body", t.body)
	}

	fmt.Fprintln(w, "The analytics log, with keyed pseudonyms (e-mail and phone)")
	fmt.Fprint(w, logs.String())
	fmt.Fprintln(w)

	// The analytics side: it sees only the log above.
	type row struct {
		customer string
		tickets  []string
	}
	var rows []row
	sc := bufio.NewScanner(&logs)
	for sc.Scan() {
		var rec struct{ Ticket, Requester string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return err
		}
		i := slices.IndexFunc(rows, func(r row) bool { return r.customer == rec.Requester })
		if i < 0 {
			rows = append(rows, row{customer: rec.Requester})
			i = len(rows) - 1
		}
		rows[i].tickets = append(rows[i].tickets, rec.Ticket)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(len(b.tickets), len(a.tickets)) })

	fmt.Fprintf(w, "Tickets per customer (%d tickets, %d customers, nobody named)\n", len(tickets), len(rows))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "customer\ttickets\twhich")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", r.customer, len(r.tickets), strings.Join(r.tickets, ", "))
	}
	return tw.Flush()
}
