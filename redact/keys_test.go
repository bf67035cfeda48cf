package redact_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/slakit/slakit/redact"
)

func TestIsSensitiveKey(t *testing.T) {
	r, err := redact.New(redact.WithSensitiveKeys("Customer-PIN"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key  string
		want bool
	}{
		{"password", true},
		{"Password", true},
		// Credentials by other names.
		{"credentials", true},
		{"aws_credential", true},
		{"jwt", true},
		{"idToken", true},
		{"otp", true},
		{"mfa_otp", true},
		{"passcode", true},
		// "pin" is left to WithSensitiveKeys: a map pin or a pinned
		// message is no secret.
		{"card_pin", false},
		{"PASSWD", true},
		{"api-key", true},
		{"API_KEY", true},
		{"apikey", true},
		{"Authorization", true},
		{"set-cookie", true},
		{"Set_Cookie", true},
		{"ssn", true},
		{"cvv", true},
		{"db_password", true},
		{"X-Auth-Token", true},
		{"x-api-key", true},
		{"customer_pin", true},
		{"customer.pin", true},
		{"pin", false},
		{"user", false},
		{"tokens", false},
		{"token_count", false},
		{"passwords_reset_at", false},
		{"_token", true}, // Laravel's CSRF field: the last word is token
		{"", false},
		{"author", false},
		// The last word, split at separators and camelCase, or the last
		// two written as one.
		{"accessToken", true},
		{"refreshToken", true},
		{"sessionToken", true},
		{"clientSecret", true},
		{"access_token", true},
		{"apiKey", true},
		{"APIKey", true},
		{"X-Api-Key", true},
		{"privateKey", true},
		{"AWS_SECRET_ACCESS_KEY", true},
		{"passWord", true},
		{"sessionId", true},
		{"user_session_id", true},
		{"Proxy-Authorization", true},
		{"http.request.header.authorization", true},
		{"http.request.header.cookie", true},
		{"customerSSN", true},
		{"cardNumber", true},
		{"oauth2Token", true},
		// Words that only begin with a sensitive word, and keys whose
		// last word is another one.
		{"tokenizer", false},
		{"Tokenizer", false},
		{"passwordless_enabled", false},
		{"passwordlessEnabled", false},
		{"tokenCount", false},
		{"max_tokens", false},
		{"token_type", false},
		{"authorId", false},
		{"cookieConsent", false},
		{"aws_access_key_id", false},
		{"publicKey", false},
		{"token2", false},
		{"password_", false},
		{"oauth", false},
		{"session_count", false},
		{"Author", false},
	}
	for _, tc := range tests {
		if got := r.IsSensitiveKey(tc.key); got != tc.want {
			t.Errorf("IsSensitiveKey(%q) = %v want %v", tc.key, got, tc.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { r.IsSensitiveKey("http.request.header.authorization") }); n != 0 {
		t.Errorf("IsSensitiveKey allocates %v times want 0", n)
	}
	if redact.Default().IsSensitiveKey("customer_pin") {
		t.Errorf("Default().IsSensitiveKey(%q) = true want false (added only to another Redactor)", "customer_pin")
	}
}

func TestNewErrors(t *testing.T) {
	match := func(s string) int { return 0 }
	tests := []struct {
		name string
		opts []redact.Option
		want error
		sub  string // the error names the option, the field and the value
	}{
		{"empty kind", []redact.Option{redact.WithDetector(redact.Detector{Start: "E", Match: match})}, redact.ErrInvalidKind, `WithDetector #0: Kind ""`},
		{"upper-case kind", []redact.Option{redact.WithDetector(redact.Detector{Kind: "Emp", Start: "E", Match: match})}, redact.ErrInvalidKind, `Kind "Emp"`},
		{"nil matcher", []redact.Option{redact.WithDetector(redact.Detector{Kind: "emp", Start: "E"})}, redact.ErrInvalidDetector, `kind "emp": Match is nil`},
		{"no start bytes", []redact.Option{redact.WithDetector(redact.Detector{Kind: "emp", Match: match})}, redact.ErrInvalidDetector, `Start is empty`},
		{"MaxLen too big", []redact.Option{redact.WithDetector(redact.Detector{Kind: "emp", Start: "E", Match: match, MaxLen: 5000})}, redact.ErrInvalidDetector, `MaxLen 5000`},
		{"builtin kind", []redact.Option{redact.WithDetector(redact.Detector{Kind: "email", Start: "E", Match: match})}, redact.ErrDuplicateKind, `Kind "email"`},
		{"duplicate", []redact.Option{
			redact.WithDetector(redact.Detector{Kind: "emp", Start: "E", Match: match}),
			redact.WithDetector(redact.Detector{Kind: "emp", Start: "E", Match: match}),
		}, redact.ErrDuplicateKind, `WithDetector #1: Kind "emp"`},
		{"short key", []redact.Option{redact.WithOperator(redact.KindEmail, redact.Pseudonym([]byte("short")))}, redact.ErrInvalidOperator, `key of 5 bytes`},
		{"negative mask", []redact.Option{redact.WithOperator(redact.KindCreditCard, redact.Mask(-1))}, redact.ErrInvalidOperator, `Mask(-1)`},
		{"unknown operator kind", []redact.Option{redact.WithOperator("nope", redact.Label())}, redact.ErrUnknownKind, `WithOperator: kind "nope"`},
		{"unknown kind", []redact.Option{redact.WithKinds(redact.KindEmail, "nope")}, redact.ErrUnknownKind, `WithKinds: kind "nope"`},
		{"no kinds", []redact.Option{redact.WithKinds()}, redact.ErrUnknownKind, `WithKinds: no kinds`},
		{"default op", []redact.Option{redact.WithDefaultOperator(redact.Pseudonym(nil))}, redact.ErrInvalidOperator, `WithDefaultOperator: Pseudonym`},
		{"empty sensitive key", []redact.Option{redact.WithSensitiveKeys("")}, redact.ErrInvalidKind, `WithSensitiveKeys: empty key`},
	}
	for _, tc := range tests {
		r, err := redact.New(tc.opts...)
		if !errors.Is(err, tc.want) || r != nil {
			t.Errorf("%s: New() = %v, %v want nil, %v", tc.name, r, err, tc.want)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "redact: ") || !strings.Contains(msg, tc.sub) {
			t.Errorf("%s: error %q, want \"redact: \" and %q in it", tc.name, msg, tc.sub)
		}
	}
}
