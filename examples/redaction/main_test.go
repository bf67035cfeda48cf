package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slakit/slakit/internal/golden"
)

// TestGolden keeps the program's output stable. The golden file was read
// line by line before it was first written: every address, phone number,
// card, IBAN, IP address, SSN, bearer token and password in the "-" lines is
// a label in the matching "+" line, the sensitive keys card_number and
// x-api-key are [REDACTED] whatever they hold, and the ticket numbers, order
// number and desk name are kept.
func TestGolden(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatalf("run: %v", err)
	}
	golden.Check(t, filepath.Join("testdata", "golden.txt"), out.Bytes())
}

// TestPseudonyms checks the report's pseudonyms independently of package
// redact, from its documented formula: the first 8 hex digits of
// HMAC-SHA-256(key, kind + 0x00 + normalized value), e-mail lower-cased and
// phone numbers reduced to their digits, "+1" added to a North American
// number written without it. It also checks that nothing the
// analytics log holds names a customer.
func TestPseudonyms(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatalf("run: %v", err)
	}
	pseudonym := func(kind, value string) string {
		m := hmac.New(sha256.New, pseudonymKey)
		m.Write([]byte(kind + "\x00" + value))
		return hex.EncodeToString(m.Sum(nil))[:8]
	}
	_, report, ok := strings.Cut(out.String(), "The analytics log")
	if !ok {
		t.Fatal("no analytics log in the output")
	}
	for _, want := range []string{
		"[EMAIL:" + pseudonym("email", "jane.doe@example.com") + "]  3        T-2001, T-2003, T-2005",
		"[EMAIL:" + pseudonym("email", "bob@example.org") + "]  2        T-2002, T-2006",
		// T-2001 writes (212) 555-0143, T-2005 +1 212 555 0143: one number.
		"T-2001\",\"requester\":\"[EMAIL:" + pseudonym("email", "jane.doe@example.com") + "]\",\"body\":\"I can't log in to the portal. Call me on [PHONE:" + pseudonym("phone", "+12125550143") + "]",
		"Mobile [PHONE:" + pseudonym("phone", "+12125550143") + "]",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report does not contain %q:\n%s", want, report)
		}
	}
	for _, leak := range []string{"@example", "555", "4111", "GB82", "203.0.113", "Winter2026", "eyJ"} {
		if strings.Contains(report, leak) {
			t.Errorf("report leaks %q:\n%s", leak, report)
		}
	}
}
