#!/usr/bin/env python3
"""Small discovery client for camera-lab checks (standard library only).

  labprobe.py wsd ADDRESS [--timeout S]      WS-Discovery Probe (unicast or 239.255.255.250); prints senders
  labprobe.py sadp ADDRESS [--timeout S]     SADP inquiry; prints senders of ProbeMatch replies
  labprobe.py dhip ADDRESS [--timeout S]     DHIP DHDiscover.search; prints senders
  labprobe.py soap URL OPERATION [USER PASS] ONVIF device-service call; prints status and body
  labprobe.py listen SECONDS                 prints WS-Discovery Hello/Bye multicast on 239.255.255.250:3702
Multicast replies are collected until the timeout; each line is "SENDER_IP <first 200 chars>".
"""
import base64
import datetime
import hashlib
import json
import os
import socket
import struct
import sys
import urllib.error
import urllib.request
import uuid

PROBE = ('<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
         'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" '
         'xmlns:dn="http://www.onvif.org/ver10/network/wsdl"><s:Header><a:Action s:mustUnderstand="1">'
         'http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action><a:MessageID>urn:uuid:{id}</a:MessageID>'
         '<a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>'
         '<a:To s:mustUnderstand="1">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header><s:Body><d:Probe>'
         '<d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>')
SADP = '<?xml version="1.0" encoding="utf-8"?><Probe><Uuid>{id}</Uuid><MAC>ff-ff-ff-ff-ff-ff</MAC><Types>inquiry</Types></Probe>'


def collect(payload, address, port, timeout, listen_port=None):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if listen_port:
        # SADP devices answer to the group: listen on the group's port as SADP tools do
        sock.bind(("239.255.255.250", listen_port))
        mreq = struct.pack("4s4s", socket.inet_aton("239.255.255.250"), socket.inet_aton("127.0.0.1"))
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
    if address.startswith("239."):
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("127.0.0.1"))
    sock.settimeout(timeout)
    sock.sendto(payload, (address, port))
    out = []
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=timeout)
    while True:
        left = (deadline - datetime.datetime.now()).total_seconds()
        if left <= 0:
            break
        sock.settimeout(left)
        try:
            data, sender = sock.recvfrom(65535)
        except socket.timeout:
            break
        out.append((sender[0], data))
    sock.close()
    return out


def soap(url, operation, user=None, password=None):
    header = ""
    if user:
        nonce = os.urandom(16)
        created = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        digest = base64.b64encode(hashlib.sha1(nonce + created.encode() + password.encode()).digest()).decode()
        header = ('<s:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" '
                  'xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><wsse:UsernameToken>'
                  '<wsse:Username>%s</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/'
                  'oasis-200401-wss-username-token-profile-1.0#PasswordDigest">%s</wsse:Password><wsse:Nonce>%s</wsse:Nonce>'
                  '<wsu:Created>%s</wsu:Created></wsse:UsernameToken></wsse:Security></s:Header>'
                  % (user, digest, base64.b64encode(nonce).decode(), created))
    body = ('<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
            'xmlns:tds="http://www.onvif.org/ver10/device/wsdl">%s<s:Body><tds:%s/></s:Body></s:Envelope>' % (header, operation))
    request = urllib.request.Request(url, data=body.encode(), headers={"Content-Type": "application/soap+xml"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def listen(seconds):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("239.255.255.250", 3702))
    mreq = struct.pack("4s4s", socket.inet_aton("239.255.255.250"), socket.inet_aton("127.0.0.1"))
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=seconds)
    while True:
        left = (deadline - datetime.datetime.now()).total_seconds()
        if left <= 0:
            break
        sock.settimeout(left)
        try:
            data, sender = sock.recvfrom(65535)
        except socket.timeout:
            break
        for kind in (b"Hello", b"Bye"):
            if b"/discovery/" + kind + b"<" in data:
                print(kind.decode(), sender[0], flush=True)


def main(argv):
    timeout = 2.0
    if "--timeout" in argv:
        i = argv.index("--timeout")
        timeout = float(argv[i + 1])
        del argv[i:i + 2]
    kind = argv[1]
    if kind == "soap":
        status, body = soap(*argv[2:])
        print(status)
        print(body)
        return 0
    if kind == "listen":
        listen(float(argv[2]))
        return 0
    address = argv[2]
    if kind == "wsd":
        replies = collect(PROBE.format(id=uuid.uuid4()).encode(), address, 3702, timeout)
    elif kind == "sadp":
        multicast = address.startswith("239.")
        replies = collect(SADP.format(id=str(uuid.uuid4()).upper()).encode(), address, 37020, timeout,
                          listen_port=37020 if multicast else None)
        replies = [r for r in replies if b"<ProbeMatch>" in r[1]]
    elif kind == "dhip":
        body = json.dumps({"method": "DHDiscover.search", "params": {"mac": "", "uni": 1}}).encode()
        header = struct.pack("<I4sIIIIII", 0x20, b"DHIP", 0, 0, len(body), 0, len(body), 0)
        replies = collect(header + body, address, 37810, timeout)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for sender, data in replies:
        print(sender, data[:200].decode("utf-8", "replace").replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
