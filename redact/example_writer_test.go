package redact_test

import (
	"fmt"
	"os"

	"github.com/slakit/slakit/redact"
)

// A Writer redacts a stream, such as an export or a log file, on its way
// out. A value split across two writes is still redacted whole.
func ExampleRedactor_Writer() {
	w := redact.Default().Writer(os.Stdout)
	fmt.Fprint(w, "ticket 4711: refund to card 4242 42")
	fmt.Fprint(w, "42 4242 4242\nrequester jane.doe@exam")
	fmt.Fprint(w, "ple.com, from 192.0.2.7\n")
	if err := w.Close(); err != nil { // Close writes what is held back
		fmt.Println(err)
	}
	// Output:
	// ticket 4711: refund to card [CREDIT_CARD]
	// requester [EMAIL], from [IPV4]
}

// A custom detector adds a kind of the caller's own: here employee badge
// numbers, "EMP-" and six digits, with a check that the last digit is the
// sum of the others modulo 10. A mask keeps separators and the last 3
// characters.
func ExampleWithDetector() {
	badge := redact.Detector{
		Kind:  "employee_badge",
		Start: "E",
		Match: func(s string) int {
			if len(s) < 10 || s[:4] != "EMP-" {
				return 0
			}
			for i := 4; i < 10; i++ {
				if s[i] < '0' || s[i] > '9' {
					return 0
				}
			}
			if len(s) > 10 && s[10] >= '0' && s[10] <= '9' {
				return 0 // more digits: not a badge
			}
			return 10
		},
		Validate: func(v string) bool {
			sum := 0
			for i := 4; i < 9; i++ {
				sum += int(v[i] - '0')
			}
			return int(v[9]-'0') == sum%10
		},
		MaxLen: 11,
	}
	r, err := redact.New(redact.WithDetector(badge), redact.WithOperator("employee_badge", redact.Mask(3)))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := "Escalated by EMP-123455 (not EMP-123456) for jane@example.com"
	fmt.Println(r.Redact(s))
	for _, m := range r.Find(s) {
		fmt.Println(m.Kind, s[m.Start:m.End])
	}
	// Output:
	// Escalated by ***-***455 (not EMP-123456) for [EMAIL]
	// employee_badge EMP-123455
	// email jane@example.com
}
