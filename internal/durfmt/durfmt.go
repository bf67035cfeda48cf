// Package durfmt formats durations the way slakit prints and saves targets
// and triggers: time.Duration.String without the zero units it ends with,
// "30m" rather than "30m0s" and "1h" rather than "1h0m0s".
package durfmt

import (
	"strings"
	"time"
)

// Compact returns d.String() without trailing zero minutes and seconds.
// time.ParseDuration reads the result back to d.
func Compact(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}
