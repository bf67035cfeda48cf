// Package redact finds personal data and secrets in helpdesk text and logs
// and replaces them.
package redact
