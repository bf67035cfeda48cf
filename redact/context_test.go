package redact_test

import (
	"strings"
	"testing"

	"github.com/slakit/slakit/redact"
)

// valueContext is a place in helpdesk text or a log where a value can
// stand: the text before and after it.
type valueContext struct {
	name, before, after string
}

// valueContexts are the contexts TestValueInContext puts every value in:
// quotes and brackets, markup, structured formats, labels in several
// languages, punctuation after the value, the edges of the text, non-ASCII
// words and line ends before it, and look-alikes after it.
var valueContexts = []valueContext{
	// Quotes, brackets and markup.
	{"double quotes", `He said "`, `" today`},
	{"single quotes", "He said '", "' today"},
	{"backticks", "run `", "` now"},
	{"parentheses", "see (", ") now"},
	{"square brackets", "see [", "] now"},
	{"angle brackets", "see <", "> now"},
	{"guillemets", "« ", " »"},
	{"guillemets tight", "«", "»"},
	{"German quotes", "„", "“"},
	{"curly quotes", "“", "”"},
	{"full-width parentheses", "（", "）"},
	{"Japanese brackets", "番号「", "」です"},
	{"markdown bold", "value **", "** here"},
	{"markdown italics", "value _", "_ here"},
	{"underscore before", "value _", " here"},
	{"underscore after", "value ", "_ here"},
	{"HTML cell", "<tr><td>", "</td></tr>"},
	{"XML element", "<phone>", "</phone>"},
	{"HTML attribute", `<a title="`, `">`},
	{"table cell", "| ", " |"},
	{"table cell tight", "|", "|"},
	{"list item", "- ", "\n"},
	{"bullet", "• ", "\n"},

	// Structured formats.
	{"JSON value", `{"x":"`, `"}`},
	{"JSON value spaced", `{"x": "`, `", "y": 1}`},
	{"JSON array", `["`, `","b"]`},
	{"URL query", "https://example.com/search?q=", "&x=1"},
	{"URL path", "https://example.com/u/", "/profile"},
	{"mailto URL", "mailto:", "?subject=x"},
	{"tel URL", "tel:", " ok"},
	{"CSV field", "a,", ",b"},
	{"key=value", "key=", " next"},
	{"key=quoted", `key="`, `" next`},
	{"key: value", "key: ", " next"},
	{"credential key", "password=", " next"},

	// Labels in several languages.
	{"Tel.:", "Tel.: ", " bitte"},
	{"Tel.: tight", "Tel.:", " ok"},
	{"Tel.: no-break space", "Tel.:\u00a0", "\u00a0ok"},
	{"Téléphone :", "Téléphone : ", " merci"},
	{"Telefon:", "Telefon: ", " danke"},
	{"E-Mail:", "E-Mail: ", " danke"},
	{"IBAN:", "IBAN: ", " danke"},
	{"Karte:", "Karte: ", " danke"},

	// Punctuation after the value.
	{"full stop", "see ", ". Next"},
	{"comma", "see ", ", next"},
	{"semicolon", "see ", "; next"},
	{"colon", "see ", ": next"},
	{"exclamation mark", "see ", "! Next"},
	{"question mark", "see ", "? Next"},
	{"closing parenthesis", "see ", ") next"},
	{"line end", "see ", "\nnext"},
	{"full stop at the end", "see ", "."},
	{"ellipsis", "see ", "... ok"},
	{"Unicode ellipsis", "see ", "… ok"},
	{"em dash", "see ", "—next"},
	{"em dashes", "see —", "— next"},
	{"slash", "see ", "/ next"},
	{"two exclamation marks", "see ", "!!"},
	{"question mark and parenthesis", "see ", "?)"},
	{"Japanese full stop", "番号は ", "。"},
	{"Japanese comma", "番号は ", "、次"},

	// Edges, non-ASCII words and line ends.
	{"alone", "", ""},
	{"start of text", "", " is mine"},
	{"end of text", "mine is ", ""},
	{"after a German word", "Grüße ", " danke"},
	{"between Japanese words", "日本語 ", " です"},
	{"Japanese before, glued", "番号", " です"},
	{"Japanese after, glued", "番号 ", "です"},
	{"Japanese around, glued", "番号", "です"},
	{"no-break spaces", "see\u00a0", "\u00a0ok"},
	{"tabs", "x\t", "\ty"},
	{"CRLF", "x\r\n", "\r\ny"},
	{"CRLF at the end", "x ", "\r\n"},

	// Letters glued to the value.
	{"letters before", "ref", " ok"},
	{"letters after", "see ", "abc"},

	// Look-alikes after the value.
	{"time after", "see ", " 10:30"},
	{"date after", "see ", " 2026-12-04"},
	{"version after", "see ", " v2.3.1"},
	{"number after", "see ", " 12345"},
}

// TestValueInContext checks that every corpus value that Default finds on
// its own is found again, as the same kind and exactly at the value, in
// each of valueContexts, and that Redact replaces it with its label and
// leaves the context as it was. Contexts that make the value something
// else (see contextException) are left out.
func TestValueInContext(t *testing.T) {
	r := redact.Default()
	vs := standaloneValues(t)
	for _, c := range valueContexts {
		t.Run(c.name, func(t *testing.T) {
			tried := 0
			skipped := map[string]int{}
			for v, kind := range vs {
				if why := contextException(c.name, v, kind); why != "" {
					skipped[why]++
					continue
				}
				tried++
				s := c.before + v + c.after
				kind := contextKind(c.name, v, kind)
				want := redact.Match{Kind: kind, Start: len(c.before), End: len(c.before) + len(v)}
				ms := r.Find(s)
				checkMatches(t, c.name, s, ms)
				if len(ms) != 1 || ms[0] != want {
					t.Errorf("Find(%q) = %q, want %s %q", s, found(r, s), kind, v)
					continue
				}
				label := "[" + strings.ToUpper(string(kind)) + "]"
				if got := r.Redact(s); got != c.before+label+c.after {
					t.Errorf("Redact(%q) = %q, want %q", s, got, c.before+label+c.after)
				}
			}
			if tried == 0 {
				t.Skipf("no value applies: %v", skipped)
			}
			if len(skipped) > 0 {
				t.Logf("%d values tried, left out: %v", tried, skipped)
			}
		})
	}
}

// contextException returns why the context named ctx legitimately makes
// the value v of kind k something else, or no value at all, or "" if v
// must be found there as it is found alone.
func contextException(ctx, v string, k redact.Kind) string {
	digitLed := k != redact.KindEmail
	switch ctx {
	case "letters before", "underscore before":
		if k == redact.KindEmail {
			// Letters, digits and '_' belong to a local part: the
			// address starts at the word ("refjane.doe@…").
			return "the glued word is part of the local part"
		}
		if digitLed {
			// A value is anchored at a digit (or the capitals of an
			// IBAN or AWS key ID) that begins a word; letters, digits
			// and '_' are word bytes (doc.go, Detection): "ref4111…"
			// and "_10.0.0.1" are identifiers.
			return "a value glued to a word is part of that word"
		}
	case "letters after", "underscore after":
		if k == redact.KindEmail && ctx == "letters after" {
			// "jane@example.comabc": the last label is "comabc".
			return "the glued letters are part of the last label"
		}
		if digitLed {
			// "4111…abc", "AKIA…EXAMPLE_": the number or key runs on
			// into a word (numRightOK); a JWT's last part takes the
			// base64url bytes after it.
			return "a value glued to a word is part of that word"
		}
	case "markdown italics":
		if digitLed {
			return "a value glued to a word is part of that word"
		}
		// "_jane.doe@example.com_": a local part may start with '_', so
		// the opening one is part of the address; the closing one,
		// which no domain holds, is not.
		return "the opening '_' is part of the local part"
	case "URL path":
		// Only card numbers are found in request paths (doc.go, Values
		// are found...); a phone number, SSN or IP address after "/u/"
		// is a path segment like any other identifier, and a URL holds
		// no spaces, so a card number written with them is no path.
		if k != redact.KindCreditCard && k != redact.KindEmail && k != redact.KindIBAN && k != redact.KindSecret {
			return "a path segment is no phone number, SSN or address"
		}
		if k == redact.KindCreditCard && strings.Contains(v, " ") {
			return "a URL path holds no spaces"
		}
	case "mailto URL", "tel URL", "Tel.: tight":
		if strings.HasPrefix(v, "::") {
			// "tel:::1": the colon before the value makes ":::", which is
			// no IPv6 form (RFC 5952), so the address is not read there.
			return "the colon before joins the leading '::'"
		}
	case "number after":
		digits := len(v) - strings.Count(v, " ") - 1
		if k == redact.KindPhone && v[0] == '+' && strings.Count(v, " ") >= 2 && !strings.ContainsAny(v, "-.()") && digits+5 <= 15 {
			// "+49 30 901820 12345": five more digits after a space
			// keep the number within E.164's 15 and can be its last
			// group; the value is still redacted, with the group.
			return "the next group can be part of the number"
		}
	}
	return ""
}

// contextKind returns the kind a value of kind k is found as in the
// context named ctx: after a credential key ("password=V") every value is
// a secret, whatever it looks like (doc.go, Secrets), and a whole one, so
// that no group of a number written with spaces is left behind; a value
// never starts with a bracket, so "(202) 555-0143" stays a phone number.
func contextKind(ctx, v string, k redact.Kind) redact.Kind {
	if ctx == "credential key" && v[0] != '(' {
		return redact.KindSecret
	}
	return k
}
