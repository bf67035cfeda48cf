package redact_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/slakit/slakit/redact"
)

// This example wraps a JSON handler, so that the message, the attributes,
// those added by With and nested groups are all scrubbed.
func ExampleRedactor_Handler() {
	opts := &slog.HandlerOptions{
		// Drop the time so that the output is the same on every run.
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	}
	logger := slog.New(redact.Default().Handler(slog.NewJSONHandler(os.Stdout, opts)))

	logger = logger.With("ticket", "T-1042", "requester", "jane.doe@example.com")
	logger.Info("reply from jane.doe@example.com",
		"phone", "+44 20 7946 0958",
		"password", "hunter2", // removed whatever it looks like
		slog.Group("http", "path", "/tickets/1042", "authorization", "Bearer abc"))
	// Output:
	// {"level":"INFO","msg":"reply from [EMAIL]","ticket":"T-1042","requester":"[EMAIL]","phone":"[PHONE]","password":"[REDACTED]","http":{"path":"/tickets/1042","authorization":"[REDACTED]"}}
}

// This example scrubs what a built-in handler writes through its
// ReplaceAttr option, chained after a function that drops the time.
func ExampleRedactor_ReplaceAttr() {
	r := redact.Default()
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return r.ReplaceAttr(groups, a)
		},
	}))

	logger.Warn("card 4242 4242 4242 4242 declined",
		"customer", "jane.doe@example.com",
		"err", errors.New("gateway 192.0.2.7 timed out"),
		"cookie", "sid=42")
	// Output:
	// level=WARN msg="card [CREDIT_CARD] declined" customer=[EMAIL] err="gateway [IPV4] timed out" cookie=[REDACTED]
}

// This example loads a ticket whose requester is a Sensitive: the address
// comes in from JSON, and goes out only through Reveal.
func ExampleSensitive() {
	type Ticket struct {
		ID        int              `json:"id"`
		Requester redact.Sensitive `json:"requester"`
	}
	var t Ticket
	if err := json.Unmarshal([]byte(`{"id":7,"requester":"jane.doe@example.com"}`), &t); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%v\n", t)
	fmt.Printf("%#v\n", t.Requester)
	b, err := json.Marshal(t)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))

	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	}))
	logger.Info("new ticket", "id", t.ID, "requester", t.Requester)

	fmt.Println("send the reply to", t.Requester.Reveal())
	// Output:
	// {7 [REDACTED]}
	// [REDACTED]
	// {"id":7,"requester":"[REDACTED]"}
	// level=INFO msg="new ticket" id=7 requester=[REDACTED]
	// send the reply to jane.doe@example.com
}
