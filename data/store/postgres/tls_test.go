package postgres

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/data/store/postgres/pgtest"
	"nianbao/data/syserr"
)

// certificate is a self-signed authority and a server certificate it signed.
type certificate struct {
	caPEM, certPEM, keyPEM []byte
}

func newCertificate(t *testing.T, dnsNames []string, ips []net.IP) certificate {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "测试根证书"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	leaf := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: dnsNames[0]},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		DNSNames: dnsNames, IPAddresses: ips, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, leaf, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return certificate{
		caPEM:   pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		certPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		keyPEM:  pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}),
	}
}

// TLS with the server's certificate verified (sslmode=verify-full) against
// a self-signed authority connects; a certificate of another authority, or
// of another host name, is refused and said in Chinese.
func TestTLSVerifyFull(t *testing.T) {
	pgtest.Need(t)
	c, err := pgtest.Start() // a cluster of its own: the shared one stays without TLS
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Stop) // after the database's own cleanup
	cert := newCertificate(t, []string{"localhost"}, []net.IP{net.ParseIP("127.0.0.1")})
	if err := c.EnableTLS(cert.certPEM, cert.keyPEM); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	goodCA := write("ca.pem", cert.caPEM)
	otherCA := write("other.pem", newCertificate(t, []string{"localhost"}, nil).caPEM)
	db := c.Database(t)
	address := func(host, root string) string {
		u, _ := url.Parse(c.URL(pgtest.Admin, c.Password, db))
		u.Host = net.JoinHostPort(host, u.Port())
		u.RawQuery = url.Values{"sslmode": {"verify-full"}, "sslrootcert": {root}}.Encode()
		return u.String()
	}
	s, err := Open(address("127.0.0.1", goodCA))
	if err != nil {
		t.Fatalf("verify-full with the right authority: %v", syserr.Text(err))
	}
	var ssl bool
	if err := s.pool.QueryRow(t.Context(), `SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`).Scan(&ssl); err != nil || !ssl {
		t.Errorf("not encrypted: %v, %v", ssl, err)
	}
	s.Close()

	// A server name the certificate does not carry.
	wrongName := newCertificate(t, []string{"db.example"}, nil)
	for _, tt := range []struct {
		name, address, want string
		serverCert          *certificate
	}{
		{"another authority", address("127.0.0.1", otherCA), "不是由可信的机构签发", nil},
		{"another host name", address("127.0.0.1", write("wrong-name-ca.pem", wrongName.caPEM)), "与所连接的主机名不符", &wrongName},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.serverCert != nil {
				if err := c.EnableTLS(tt.serverCert.certPEM, tt.serverCert.keyPEM); err != nil {
					t.Fatal(err)
				}
			}
			s, err := Open(tt.address)
			if err == nil {
				s.Close()
				t.Fatal("connected")
			}
			text := syserr.Text(err)
			t.Log(text)
			if !strings.Contains(text, tt.want) {
				t.Errorf("%q lacks %q", text, tt.want)
			}
		})
	}
}
