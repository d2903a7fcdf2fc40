#!/usr/bin/env python3
"""Turns recorded ONVIF device-service responses from ../shared/fixtures into camera-lab profile
templates: identity values, addresses and clock fields become {{placeholders}}; everything else
(namespaces, element order, vendor extensions) stays as the camera sent it.

Usage: import-fixtures.py FIXTURES_DIR PROFILES_DIR   (re-run after the fixtures change)
"""
import os
import re
import shutil
import sys

FIXTURES, PROFILES = sys.argv[1], sys.argv[2]

# profile id -> (fixture folder, recorded camera address, scope rewrites)
RECORDINGS = {
    "hikvision": ("onvif/hikvision/DS-2CD2012-I_fwV5.2.0_build140721", "10.10.1.65",
                  {"hardware/DS-2CD2012-I": "hardware/{{model|uri}}",
                   "name/HIKVISION%20DS-2CD2012-I": "name/{{manufacturer|uri}}%20{{model|uri}}"}),
    "hikvision-oem": ("onvif/trendnet_hikvision-oem/TV-IP320PI_fwV5.3.4_build160830", None,
                      {"hardware/TV-IP320PI": "hardware/{{model|uri}}",
                       "name/TV-IP320PI": "name/{{model|uri}}"}),
    "axis": ("onvif/axis/AXIS_Q6045-E_fw5.55.1.2", None,
             {"hardware/Q6045-E": "hardware/{{model|lastword|uri}}",
              "name/AXIS%20Q6045-E": "name/{{model|uri}}"}),
    "bosch": ("onvif/bosch/FLEXIDOME_indoor_5100i_IR_fw8.71.0066", None, {}),
    "pelco": ("onvif/pelco/D6230L_fw2.9.0.4", None,
              {"hardware/D6230L": "hardware/{{model|uri}}",
               "name/D6230L-J250117": "name/{{model|uri}}-{{serialNumber|uri}}"}),
    "milesight": ("onvif/milesight/MS-C8165-PE_fw61.8.0.3-r8", None, {}),
    "dlink": ("onvif/dlink/DCS-6511_fw1.16.00", None, {}),
    "xiongmai-oem": ("onvif/xiongmai-oem_sunba/XM530_50X50-WG_8M", None, {}),
    "uniview": ("onvif/generic-oem/GX728MF-IR28", None, {}),
}
OPS = ["GetSystemDateAndTime", "GetDeviceInformation", "GetNetworkInterfaces", "GetScopes",
       "GetCapabilities", "GetServices", "GetHostname"]
IDENTITY = {"Manufacturer": "manufacturer", "Model": "model", "FirmwareVersion": "firmwareVersion",
            "SerialNumber": "serialNumber", "HardwareId": "hardwareId"}


def element(prefix_local, value, text):
    return re.sub(r"(<(\w+:)?%s>)[^<]*(</(\w+:)?%s>)" % (prefix_local, prefix_local),
                  lambda m: m.group(1) + value + m.group(3), text)


def clock(text):
    for block, kind in (("UTCDateTime", "utc"), ("LocalDateTime", "local")):
        def fill(m, kind=kind):
            inner = m.group(2)
            for field in ("Hour", "Minute", "Second", "Year", "Month", "Day"):
                inner = element(field, "{{%s%s}}" % (kind, field), inner)
            return m.group(1) + inner + m.group(3)
        text = re.sub(r"(<(?:\w+:)?%s>)(.*?)(</(?:\w+:)?%s>)" % (block, block), fill, text, flags=re.S)
    return text


# how a recording spells the MAC (the lab keeps MACs as lower-case, colon separated)
MAC_SPELLING = {"axis": "{{mac|upper}}", "pelco": "{{mac|compact|upper}}"}


def templatize(text, address, scopes, mac="{{mac}}"):
    for local, var in IDENTITY.items():
        text = element(local, "{{%s}}" % var, text)
    text = element("HwAddress", mac, text)
    if address:
        text = text.replace("http://%s/" % address, "http://{{host}}/")
        text = text.replace(">%s<" % address, ">{{ip}}<")
    text = re.sub(r"(<(?:\w+:)?Address>)(?:10|192\.168)(?:\.\d{1,3}){2,3}(</)", r"\1{{ip}}\2", text)
    text = re.sub(r"http://(\d{1,3}(?:\.\d{1,3}){3})(:\d+)?/", "http://{{host}}/", text)
    for old, new in scopes.items():
        text = text.replace("onvif://www.onvif.org/" + old, "onvif://www.onvif.org/" + new)
    return clock(text)


for profile, (folder, address, scopes) in RECORDINGS.items():
    src = os.path.join(FIXTURES, folder)
    dst = os.path.join(PROFILES, profile, "onvif")
    os.makedirs(dst, exist_ok=True)
    for op in OPS:
        path = os.path.join(src, op + "Response.xml")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                text = templatize(f.read(), address, scopes, MAC_SPELLING.get(profile, "{{mac}}"))
            with open(os.path.join(dst, op + ".xml"), "w", encoding="utf-8") as f:
                f.write(text)
    faults = os.path.join(src, "faults")
    if os.path.isdir(faults):
        fdst = os.path.join(PROFILES, profile, "faults")
        os.makedirs(fdst, exist_ok=True)
        for name in sorted(os.listdir(faults)):
            if name.startswith("core.") or name.startswith("device_management."):
                shutil.copyfile(os.path.join(faults, name), os.path.join(fdst, name))

# Shared fallbacks: the open-source onvif_simple_server recorded on loopback (real implementation).
peer = os.path.join(FIXTURES, "peer/onvif_simple_server/soap/no-auth")
common = os.path.join(PROFILES, "generic-onvif", "onvif")
os.makedirs(common, exist_ok=True)
peer_scopes = {"hardware/PeerCam-1": "hardware/{{model|uri}}",
               "name/onvif_simple_server-peer": "name/{{manufacturer|uri}}"}
for op in OPS:
    with open(os.path.join(peer, op + ".response.xml"), encoding="utf-8") as f:
        text = templatize(f.read(), "127.0.0.1", peer_scopes)
    text = text.replace("http://127.0.0.1:8080/", "http://{{host}}/")
    with open(os.path.join(common, op + ".xml"), "w", encoding="utf-8") as f:
        f.write(text)
