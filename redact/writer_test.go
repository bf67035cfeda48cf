package redact_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"hash"
	"io"
	"strings"
	"testing"

	"github.com/slakit/slakit/redact"
)

// writerHold is the most a Writer may hold back, as its doc states:
// WriterLineLimit plus MaxPEMLen plus 64 KiB.
const writerHold = redact.WriterLineLimit + redact.MaxPEMLen + 64<<10

// writeAll writes in to w in chunks of n bytes and fails the test on an
// error. After each chunk it calls check, if not nil, with the number of
// bytes written so far.
func writeAll(t *testing.T, w io.Writer, in []byte, n int, check func(written int)) {
	t.Helper()
	for done := 0; done < len(in); {
		k := min(n, len(in)-done)
		if m, err := w.Write(in[done : done+k]); err != nil || m != k {
			t.Fatalf("Write of %d bytes at %d = %d, %v", k, done, m, err)
		}
		done += k
		if check != nil {
			check(done)
		}
	}
}

// TestWriterBoundedMemory checks that a Writer holds back no more than its
// doc says however the input comes: a very long line with no line feed,
// and a private key block that never ends. The output of text without
// values is as long as the input, so the bytes not yet written to the sink
// are the bytes held back (give or take the few KiB a key block loses to
// its label). The output must still be what Redact gives.
func TestWriterBoundedMemory(t *testing.T) {
	size := adversarialSize * 64 // 64 MiB, 4 MiB under the race detector
	r := redact.Default()
	line := []byte(strings.Repeat("lorem ipsum dolor sit amet ", size/27+1)[:size])
	pem := append([]byte("-----BEGIN RSA PRIVATE KEY-----\n"), bytes.Repeat([]byte("MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n"), size/65)...)
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"line without a line feed", line},
		{"key block without an END line", pem},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out countWriter
			w := r.Writer(&out)
			maxHeld := 0
			writeAll(t, w, tc.in, 1<<20, func(written int) {
				held := written - out.n
				if held > writerHold {
					t.Fatalf("after %d bytes the Writer holds back %d bytes, more than %d", written, held, writerHold)
				}
				maxHeld = max(maxHeld, held)
			})
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if want := sha256.Sum256(r.RedactBytes(tc.in)); out.h == nil || !bytes.Equal(out.h.Sum(nil), want[:]) {
				t.Errorf("output of %d bytes differs from Redact", out.n)
			}
			t.Logf("held back at most %d bytes of %d", maxHeld, len(tc.in))
		})
	}
}

// countWriter counts and hashes the bytes written to it and keeps none.
type countWriter struct {
	n int
	h hash.Hash
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.h == nil {
		c.h = sha256.New()
	}
	c.h.Write(p)
	c.n += len(p)
	return len(p), nil
}

// failWriter accepts ok writes and then fails every one.
type failWriter struct {
	ok    int
	calls int
	buf   bytes.Buffer
}

var errSink = errors.New("sink is full")

func (f *failWriter) Write(p []byte) (int, error) {
	f.calls++
	if f.calls > f.ok {
		return 0, errSink
	}
	return f.buf.Write(p)
}

// shortWriter takes at most half of every write and reports no error.
type shortWriter struct{}

func (shortWriter) Write(p []byte) (int, error) { return len(p) / 2, nil }

// TestWriterErrors checks that an error of the underlying writer is
// returned and then returned again by every later Write, Flush and Close,
// which write nothing more; that a short write counts as io.ErrShortWrite;
// and that the zero Writer and one without an underlying writer return
// ErrNoWriter instead of panicking.
func TestWriterErrors(t *testing.T) {
	r := redact.Default()
	sink := &failWriter{ok: 1}
	w := r.Writer(sink)
	if _, err := w.Write([]byte("first line jane@example.com\n")); err != nil {
		t.Fatalf("first Write: %v", err)
	}
	if _, err := w.Write([]byte("second line\n")); !errors.Is(err, errSink) {
		t.Fatalf("second Write: error %v want %v", err, errSink)
	}
	calls := sink.calls
	if n, err := w.Write([]byte("third line\n")); n != 0 || !errors.Is(err, errSink) {
		t.Errorf("Write after a failure = %d, %v want 0, %v", n, err, errSink)
	}
	if err := w.Flush(); !errors.Is(err, errSink) {
		t.Errorf("Flush after a failure: %v want %v", err, errSink)
	}
	if err := w.Close(); !errors.Is(err, errSink) {
		t.Errorf("Close after a failure: %v want %v", err, errSink)
	}
	if sink.calls != calls {
		t.Errorf("the Writer wrote %d more times after the failure", sink.calls-calls)
	}
	if got := sink.buf.String(); got != "first line [EMAIL]\n" {
		t.Errorf("written before the failure: %q", got)
	}

	// A failure in Flush sticks too.
	sink = &failWriter{}
	w = r.Writer(sink)
	if _, err := w.Write([]byte("no line feed yet")); err != nil {
		t.Fatalf("Write of a held-back line: %v", err)
	}
	if err := w.Flush(); !errors.Is(err, errSink) {
		t.Errorf("Flush: %v want %v", err, errSink)
	}
	if _, err := w.Write([]byte("more\n")); !errors.Is(err, errSink) {
		t.Errorf("Write after a failed Flush: %v want %v", err, errSink)
	}

	w = r.Writer(shortWriter{})
	if _, err := w.Write([]byte("a line\n")); !errors.Is(err, io.ErrShortWrite) {
		t.Errorf("short write: %v want io.ErrShortWrite", err)
	}

	var zero redact.Writer
	if _, err := zero.Write([]byte("x\n")); !errors.Is(err, redact.ErrNoWriter) {
		t.Errorf("zero Writer Write: %v want ErrNoWriter", err)
	}
	if err := zero.Close(); !errors.Is(err, redact.ErrNoWriter) {
		t.Errorf("zero Writer Close: %v want ErrNoWriter", err)
	}
	w = r.Writer(nil)
	if _, err := w.Write([]byte("x\n")); !errors.Is(err, redact.ErrNoWriter) {
		t.Errorf("Writer(nil) Write: %v want ErrNoWriter", err)
	}
	if err := w.Flush(); !errors.Is(err, redact.ErrNoWriter) {
		t.Errorf("Writer(nil) Flush: %v want ErrNoWriter", err)
	}
}

// TestWriterNilRedactor checks that the Writer of a nil Redactor passes
// text through unchanged and at once, like the nil Redactor's Redact.
func TestWriterNilRedactor(t *testing.T) {
	var r *redact.Redactor
	var out bytes.Buffer
	w := r.Writer(&out)
	in := "card 4242 4242 4242 4242 without a line feed"
	if _, err := w.Write([]byte(in)); err != nil {
		t.Fatal(err)
	}
	if out.String() != in {
		t.Errorf("nil Redactor's Writer wrote %q want %q", out.String(), in)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if out.String() != r.Redact(in) {
		t.Errorf("nil Redactor's Writer differs from its Redact")
	}
}

// TestWriterFlush checks what Flush and Close document: Flush writes what
// was held back as though the text ended there, so a value split by a
// Flush is not joined; the Writer can be used after it; Close does not
// close the underlying writer.
func TestWriterFlush(t *testing.T) {
	r := redact.Default()
	var out bytes.Buffer
	w := r.Writer(&out)
	if _, err := w.Write([]byte("card 4242 4242 4242 4242 and mail ")); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Fatalf("an unfinished line was written before Flush: %q", out.String())
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "card [CREDIT_CARD] and mail "; got != want {
		t.Fatalf("after Flush: %q want %q", got, want)
	}
	// An address split by a Flush is two pieces of text, each redacted on
	// its own.
	out.Reset()
	first, second := "jane.doe@exa", "mple.com\n"
	w.Write([]byte(first))
	w.Flush()
	w.Write([]byte(second))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), r.Redact(first)+r.Redact(second); got != want {
		t.Errorf("split by Flush: %q want %q", got, want)
	}
	if got := r.Redact(first + second); got == out.String() {
		t.Errorf("the split address was redacted whole (%q): Flush did not end the text", got)
	}
	// Close leaves the underlying writer open.
	c := &closeRecorder{}
	w = r.Writer(c)
	w.Write([]byte("x"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if c.closed {
		t.Errorf("Close closed the underlying writer")
	}
	if c.buf.String() != "x" {
		t.Errorf("Close wrote %q want %q", c.buf.String(), "x")
	}
}

type closeRecorder struct {
	buf    bytes.Buffer
	closed bool
}

func (c *closeRecorder) Write(p []byte) (int, error) { return c.buf.Write(p) }
func (c *closeRecorder) Close() error                { c.closed = true; return nil }

// TestWriterAllocs checks that a Writer allocates nothing per Write once
// its buffers have grown, with or without values in the text.
func TestWriterAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	r := redact.Default()
	for _, line := range []string{
		"The export finished after 12 minutes; see the attached log for details.\n",
		"Refund 4242 4242 4242 4242 to jane.doe@example.com, call +44 20 7946 0958\n",
	} {
		w := r.Writer(io.Discard)
		p := []byte(line)
		for range 10 {
			w.Write(p)
		}
		if a := testing.AllocsPerRun(200, func() { w.Write(p) }); a != 0 {
			t.Errorf("Write(%q): %.1f allocations per call want 0", line, a)
		}
	}
}
