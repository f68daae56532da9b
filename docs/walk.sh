#!/usr/bin/env bash
# One dossier's walk through a started hub (demo profile: simulators and demo keys), step by step, checking
# every answer. Each step shows its command's answer and what was expected; the script stops at the first
# answer that differs, with exit status 1.
#
#   bash docs/walk.sh                         # a hub started with ./mvnw spring-boot:run (port 8080)
#   bash docs/walk.sh http://127.0.0.1:18080  # any other address
#
# Needs bash, curl, and jq or python3 (to read JSON). Every run uses fresh source references, so it can run
# again on the same hub; it leaves the one-stop simulator without faults.
set -euo pipefail

HUB=${1:-${HUB_URL:-http://127.0.0.1:8080}}
HUB=${HUB%/}
EXAMPLES="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/examples"
RUN=$(date +%s)-$$
WAIT_SECONDS=${WALK_WAIT_SECONDS:-60}

for tool in curl; do command -v "$tool" >/dev/null || { echo "walk: $tool is needed" >&2; exit 2; }; done
if command -v jq >/dev/null; then JSON=jq
elif command -v python3 >/dev/null; then JSON=python3
else echo "walk: jq or python3 is needed to read JSON answers" >&2; exit 2; fi

# json PATH: reads JSON on stdin, prints the value at PATH (.a.b[0].c), "null" when absent.
json() {
  if [ "$JSON" = jq ]; then jq -r "$1"; else
    python3 -c '
import json, re, sys
v = json.load(sys.stdin)
for key, index in re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", sys.argv[1]):
    try:
        v = v[key] if key else v[int(index)]
    except (KeyError, IndexError, TypeError):
        v = None
        break
print("null" if v is None else (str(v).lower() if isinstance(v, bool) else v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)))
' "$1"; fi
}

STEP=0
trap 'echo "walk: stopped in step $STEP: a command failed (is the hub at $HUB?)" >&2' ERR
step() { STEP=$((STEP + 1)); printf '\n== %d. %s\n' "$STEP" "$1"; }
show() { local a=${1//$'\n'/ }; [ ${#a} -le 300 ] || a="${a:0:300}…"; printf '   answer:   %s\n' "$a"; }
fail() { printf '   FAILED:   %s\n' "$1" >&2; exit 1; }
expect() { # expect WHAT ACTUAL WANTED
  if [ "$2" = "$3" ]; then printf '   ok:       %s = %s\n' "$1" "$2"; else fail "$1 is '$2', expected '$3'"; fi
}
expect_in() { # expect_in WHAT TEXT PART
  case "$2" in *"$3"*) printf '   ok:       %s contains %s\n' "$1" "$3" ;; *) fail "$1 does not contain '$3'" ;; esac
}
# call METHOD PATH [curl options...]: prints the body, then the HTTP status on the last line
call() { local method=$1 path=$2; shift 2; curl -s -m 30 -w '\n%{http_code}' -X "$method" "$HUB$path" "$@"; }
body() { printf '%s' "$1" | sed '$d'; }
status() { printf '%s' "$1" | tail -n 1; }
# has TEXT PART: whether TEXT contains PART
has() { case "$1" in *"$2"*) return 0 ;; *) return 1 ;; esac; }
# eventually DESCRIPTION COMMAND...: runs COMMAND every half second until it succeeds or WAIT_SECONDS pass
eventually() {
  local what=$1; shift
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@"; do
    [ $SECONDS -lt $deadline ] || fail "not within ${WAIT_SECONDS} s: $what"
    sleep 0.5
  done
  printf '   ok:       %s\n' "$what"
}

LAND=(-H 'X-Api-Key: demo-sector-land-key' -H 'Content-Type: application/json')
ONESTOP=(-H 'X-Api-Key: demo-onestop-key' -H 'Content-Type: application/json')
CIVIL=(-H 'X-Api-Key: demo-sector-civil-key' -H 'Content-Type: text/xml; charset=UTF-8')

step "the hub is up ($HUB)"
R=$(call GET /actuator/health); show "$(body "$R")"
expect "HTTP status" "$(status "$R")" 200
expect "health" "$(body "$R" | json .status)" UP
# -> {"status":"UP","groups":["liveness","readiness"],"components":{"camelHealth":{…},…,"db":{…},…,"jms":{…},…}}

step "the land-registration system submits a dossier; 202 once it is stored durably"
R=$(call POST /api/v1/dossiers "${LAND[@]}" -d '{"procedureCode":"1.001193","procedureName":"Đăng ký khai sinh",
  "agencyCode":"H15.50.05.13","sourceRef":"LAND-'"$RUN"'-1","channel":"ONLINE",
  "applicant":{"type":"CITIZEN","personalId":"002098412921","fullName":"Lý Xuân Thắng","birthDate":"1998-07-30"},
  "fees":[{"code":"LP01","name":"Lệ phí đăng ký khai sinh","amount":8000}]}')
show "$(body "$R")"
# -> {"dossierCode":"H15.50.05.13-261205-0001","trackingUrl":"/api/v1/dossiers/H15.50.05.13-261205-0001",
#     "state":"ACCEPTED","duplicate":false}
expect "HTTP status" "$(status "$R")" 202
CODE=$(body "$R" | json .dossierCode)
expect "state" "$(body "$R" | json .state)" ACCEPTED
echo "   CODE=$CODE"

step "follow it: current state, status history and its trail across systems"
# delivered at once; the population registry verifies the applicant beside the delivery
delivered_and_verified() { local d; d=$(call GET "/api/v1/dossiers/$CODE" "${LAND[@]}")
  has "$d" '"kind":"DELIVERED","system":"onestop"' && has "$d" '"source":"CSDLQG_DAN_CU"'; }
eventually "the trail shows DELIVERED to onestop and the applicant verified" delivered_and_verified
R=$(call GET "/api/v1/dossiers/$CODE" "${LAND[@]}"); show "$(body "$R")"
# -> {"dossier":{"dossierCode":"…","procedureCode":"1.001193","procedureName":"Đăng ký khai sinh",…,
#     "applicant":{…,"verification":{"status":"VERIFIED","source":"CSDLQG_DAN_CU",…}},…,"dueAt":"…",…,
#     "fieldCode":"HT","fieldName":"Hộ tịch"},"status":1,…,
#     "trail":[{"at":"…","kind":"RECEIVED","system":"sector-land","detail":"procedure 1.001193, agency H15.50.05.13, …"},
#     {…,"kind":"APPLICANT_VERIFIED","system":"population",…},{…,"kind":"DELIVERED","system":"onestop",…},
#     {…,"kind":"DELIVERED","system":"dvcqg",…},…]}
#    (the one-stop system and DVCQG are delivered in parallel: their entries come in either order)
expect "status" "$(body "$R" | json .status)" 1
expect "applicant verified by" "$(body "$R" | json .dossier.applicant.verification.source)" CSDLQG_DAN_CU
expect "verification" "$(body "$R" | json .dossier.applicant.verification.status)" VERIFIED

step "what the one-stop simulator received: the dossier, once"
R=$(call GET /sim/onestop/received/arrivals); show "$(body "$R")"
# -> {"H15.50.05.13-261205-0001":1}
expect_in "arrivals" "$(body "$R")" "\"$CODE\":1"

step "the one-stop system reports a status change (DVCQG TrangThaiHoSo 4, processing)"
sleep 1 # a status becomes current only if it happened after the current one (received a moment ago)
R=$(call POST "/api/v1/dossiers/$CODE/status" "${ONESTOP[@]}" \
  -d "{\"status\":4,\"at\":\"$(date -Iseconds)\",\"officer\":\"cb-01\",\"note\":\"Chuyển phòng Tư pháp\"}")
show "$(body "$R")"
# -> {"dossierCode":"…","currentStatus":4,"current":true,"duplicate":false}
expect "HTTP status" "$(status "$R")" 202
expect "currentStatus" "$(body "$R" | json .currentStatus)" 4
expect "current" "$(body "$R" | json .current)" true

step "the same dossier as the national portal (DVCQG simulator) holds it"
at_dvcqg_with_status_4() { [ "$(call GET "/sim/dvcqg/dossiers/$CODE" | sed '$d' | json .dossier.TrangThaiHoSo)" = 4 ]; }
eventually "DVCQG holds TrangThaiHoSo 4" at_dvcqg_with_status_4
R=$(call GET "/sim/dvcqg/dossiers/$CODE"); show "$(body "$R")"
# -> {"dossier":{"MaHoSo":"…","MaTTHC":"1.001193","TenTTHC":"Đăng ký khai sinh","MaLinhVuc":"HT",
#     "ChuHoSo":"Lý Xuân Thắng","NgayTiepNhan":"20261205031219","TrangThaiHoSo":4,"KenhThucHien":2,
#     "DanhSachLePhi":[{"MaPhiLePhi":"LP01","Gia":8000,…}],…},"inserts":1,"updates":…,…}
expect "MaHoSo" "$(body "$R" | json .dossier.MaHoSo)" "$CODE"
expect "KenhThucHien (online)" "$(body "$R" | json .dossier.KenhThucHien)" 2

step "a dossier carrying only a personal ID: the hub completes it from the national population database"
R=$(call POST /api/v1/dossiers "${LAND[@]}" -d '{"procedureCode":"1.001193","agencyCode":"H15.50.05.13",
  "sourceRef":"LAND-'"$RUN"'-2","channel":"ONLINE","applicant":{"type":"CITIZEN","personalId":"008173100398"}}')
show "$(body "$R")"
# -> {"dossierCode":"H15.50.05.13-261205-0002",…,"state":"ACCEPTED","duplicate":false}
expect "HTTP status" "$(status "$R")" 202
CODE2=$(body "$R" | json .dossierCode)
# the dossier is delivered at once (unverified, if the registry's answer is not cached yet); the registry is asked
# beside the delivery and the verified applicant follows as an update of the same dossier
verified() { has "$(call GET "/api/v1/dossiers/$CODE2" "${LAND[@]}")" '"fullName":"Đặng Kim Linh"'; }
eventually "$CODE2 completed from the registry" verified
R=$(call GET "/api/v1/dossiers/$CODE2" "${LAND[@]}")
# -> "applicant":{"type":"CITIZEN","personalId":"008173100398","fullName":"Đặng Kim Linh","birthDate":"1973-05-06",
#     "address":…,"verification":{"status":"VERIFIED","source":"CSDLQG_DAN_CU",…}}
expect "fullName from the registry" "$(body "$R" | json .dossier.applicant.fullName)" "Đặng Kim Linh"
expect "birthDate from the registry" "$(body "$R" | json .dossier.applicant.birthDate)" 1973-05-06
at_onestop_verified() { has "$(call GET /sim/onestop/received)" '"fullName":"Đặng Kim Linh"'; }
eventually "the one-stop system holds the verified applicant" at_onestop_verified

step "look a citizen up in the national population database for a dossier the caller holds (purpose headers required, audited)"
# sample identifiers of the synthetic citizens and enterprises: /sim/population/records, /sim/business/records
R=$(call GET /api/v1/citizens/008173100398 -H 'X-Api-Key: demo-onestop-key' \
  -H "X-Dossier-Code: $CODE" -H 'X-Officer-Id: cb-01')
show "$(body "$R")"
# -> {"personalId":"008173100398","fullName":"Đặng Kim Linh","gender":"FEMALE","birthDate":"1973-05-06",
#     "ethnicity":"Kinh","nationality":"Việt Nam","hometown":{…},
#     "permanentAddress":{…,"detail":"Thôn Bản Tùy, xã Tràng Đà, tỉnh Tuyên Quang",…},"currentAddress":{…}}
expect "HTTP status" "$(status "$R")" 200
expect "fullName" "$(body "$R" | json .fullName)" "Đặng Kim Linh"
# the dossier in X-Dossier-Code must exist and be the caller's own or assigned to it
R=$(call GET /api/v1/citizens/008173100398 -H 'X-Api-Key: demo-onestop-key' \
  -H "X-Dossier-Code: H15.50.05.13-000101-9999" -H 'X-Officer-Id: cb-01')
# -> {"type":"urn:lgsp-hub:error:dossier-not-found",…,"status":404,
#     "detail":"No dossier has the code given in X-Dossier-Code",…,"code":"DOSSIER_NOT_FOUND",…}
expect "naming a dossier that does not exist: HTTP status" "$(status "$R")" 404
expect "code" "$(body "$R" | json .code)" DOSSIER_NOT_FOUND

step "look an enterprise up in the national business-registration database"
R=$(call GET /api/v1/enterprises/5060701707 -H 'X-Api-Key: demo-onestop-key' \
  -H "X-Dossier-Code: $CODE" -H 'X-Officer-Id: cb-01')
show "$(body "$R")"
# -> {"enterpriseCode":"5060701707","name":"DOANH NGHIỆP TƯ NHÂN CHÈ SHAN TUYẾT CAO NGUYÊN ĐÁ","typeCode":"4",
#     "typeName":"Doanh nghiệp tư nhân",…,"representatives":["Vũ Văn Long"],"mainActivity":"Trồng cây chè"}
expect "HTTP status" "$(status "$R")" 200
expect "name" "$(body "$R" | json .name)" "DOANH NGHIỆP TƯ NHÂN CHÈ SHAN TUYẾT CAO NGUYÊN ĐÁ"

step "the civil-status system submits a dossier over SOAP (docs/examples/civil-dossier.xml)"
# the WSDL: /services/sector/civil/dossier?wsdl (with the same X-Api-Key; without one: 401)
SOAP_REQUEST=$(sed "s/HT-2026-000123/HT-$RUN/" "$EXAMPLES/civil-dossier.xml")
R=$(printf '%s' "$SOAP_REQUEST" | call POST /services/sector/civil/dossier "${CIVIL[@]}" --data-binary @-)
show "$(body "$R")"
# -> <soap:Envelope …><soap:Body><hs:GuiHoSoResponse xmlns:hs="urn:lgsp:sector:civil:v1">
#      <hs:MaHoSo>H15.50.05.13-261123-0003</hs:MaHoSo><hs:DuongDanTraCuu>/api/v1/dossiers/…</hs:DuongDanTraCuu>
#      <hs:TrungLap>false</hs:TrungLap></hs:GuiHoSoResponse></soap:Body></soap:Envelope>
expect "HTTP status" "$(status "$R")" 200
expect_in "answer" "$(body "$R")" '<hs:TrungLap>false</hs:TrungLap>'
CIVIL_CODE=$(body "$R" | sed -n 's#.*<hs:MaHoSo>\([^<]*\)</hs:MaHoSo>.*#\1#p')
echo "   CIVIL_CODE=$CIVIL_CODE"
R=$(printf '%s' "$SOAP_REQUEST" | call POST /services/sector/civil/dossier "${CIVIL[@]}" --data-binary @-)
# the same request again: the first receipt, nothing created
# -> <hs:MaHoSo>(the same code)</hs:MaHoSo>…<hs:TrungLap>true</hs:TrungLap>
expect_in "the same request again" "$(body "$R")" "<hs:MaHoSo>$CIVIL_CODE</hs:MaHoSo>"
expect_in "the same request again" "$(body "$R")" '<hs:TrungLap>true</hs:TrungLap>'

step "pay the first dossier's fee LP01 (8 000 VND) through the national payment platform"
PAY='{"fees":[{"code":"LP01","amount":8000}],"amount":8000,"payer":"Lý Xuân Thắng",
  "returnUrl":"https://dvc.example.vn/ket-qua","gateway":"payment"}'
R=$(call POST "/api/v1/dossiers/$CODE/payments" "${ONESTOP[@]}" -d "$PAY")
show "$(body "$R")"
# -> {"transactionId":"PAY…","dossierCode":"…","gateway":"payment","amount":8000,"state":"PENDING",
#     "paymentUrl":"http://127.0.0.1:8080/sim/payment/pay/PAY…"}
expect "HTTP status" "$(status "$R")" 201
expect "state" "$(body "$R" | json .state)" PENDING
TX=$(body "$R" | json .transactionId)
echo "   TX=$TX"
R=$(call POST "/api/v1/dossiers/$CODE/payments" "${ONESTOP[@]}" -d "$PAY")
# the same request again (a proxy's retry, a client's after a timeout): the same transaction, 200 instead of 201
# -> {"transactionId":"(the same)",…,"state":"PENDING","paymentUrl":"(the same)"}
expect "the same request again: HTTP status" "$(status "$R")" 200
expect "the same request again: transactionId" "$(body "$R" | json .transactionId)" "$TX"
# the simulated payer pays; the simulator notifies the hub (options: outcome PAID|FAILED, notifications, delayMs,
# wrongSignature, amount); /sim/payment/notify/$TX sends again; /sim/payment/notifications shows the hub's replies
R=$(call POST "/sim/payment/pay/$TX" -H 'Content-Type: application/json' -d '{}'); show "$(body "$R")"
# -> {"state":"PAID","transactionId":"PAY…","amount":8000,"gatewayRef":"…"}
expect "HTTP status" "$(status "$R")" 200
paid() { has "$(call GET "/api/v1/dossiers/$CODE/payments" "${ONESTOP[@]}")" '"state":"PAID"'; }
eventually "the hub settled the payment PAID" paid
R=$(call GET "/api/v1/dossiers/$CODE/payments" "${ONESTOP[@]}"); show "$(body "$R")"
# -> [{"transactionId":"PAY…","dossierCode":"…","gateway":"payment","amount":8000,"fees":["LP01"],"state":"PAID",
#      "gatewayRef":"…","settledBy":"callback",…}]
expect "a second transaction" "$(body "$R" | json '.[1]')" null
expect "settled by" "$(body "$R" | json '.[0].settledBy')" callback

step "the one-stop system asks for a supplement; the land system, which submitted the dossier, receives it"
sleep 1
R=$(call POST "/api/v1/dossiers/$CODE/supplements" "${ONESTOP[@]}" \
  -d "{\"at\":\"$(date -Iseconds)\",\"officer\":\"cb-01\",\"note\":\"Bổ sung bản trích đo địa chính\"}")
show "$(body "$R")"
# -> {"dossierCode":"…","amendmentId":"…","kind":"SUPPLEMENT_REQUESTED","supplementNo":1,"currentStatus":5,
#     "duplicate":false}
expect "HTTP status" "$(status "$R")" 202
expect "kind" "$(body "$R" | json .kind)" SUPPLEMENT_REQUESTED
expect "currentStatus" "$(body "$R" | json .currentStatus)" 5
at_land() { has "$(call GET /sim/sector-land/amendments)" "\"maHoSo\":\"$CODE\""; }
eventually "the land simulator received the amendment (YEU_CAU_BO_SUNG)" at_land

step "the one-stop system fails the next 3 calls: the hub retries with backoff and still delivers once"
R=$(call PUT /sim/onestop/faults -H 'Content-Type: application/json' -d '{"failNext":3}'); show "$(body "$R")"
# -> {"errorRate":0.0,"errorStatus":503,"latencyMs":0,"failNext":3}
expect "HTTP status" "$(status "$R")" 200
R=$(call POST /api/v1/dossiers "${LAND[@]}" -d '{"procedureCode":"1.001193","agencyCode":"H15.50.05.13",
  "sourceRef":"LAND-'"$RUN"'-3","channel":"ONLINE","applicant":{"type":"CITIZEN","personalId":"008173100398"}}')
expect "HTTP status" "$(status "$R")" 202
CODE3=$(body "$R" | json .dossierCode)
delivered3() { has "$(call GET "/api/v1/dossiers/$CODE3" "${LAND[@]}")" '"kind":"DELIVERED","system":"onestop"'; }
eventually "$CODE3 delivered to the one-stop system" delivered3
R=$(call GET "/api/v1/dossiers/$CODE3" "${LAND[@]}")
# -> "trail":[…,{"kind":"DELIVERY_RETRY","system":"onestop","detail":"retry 1 after HTTP 503 from …"},
#     … retry 2, retry 3 …,{"kind":"DELIVERED","system":"onestop","detail":"DOSSIER_RECEIVED accepted with HTTP 201"}]
RETRIES=$(body "$R" | { grep -o '"kind":"DELIVERY_RETRY","system":"onestop"' || true; } | wc -l | tr -d ' ')
expect "retries before the delivery" "$RETRIES" 3
R=$(call GET /sim/onestop/received/arrivals)
expect_in "arrivals at the one-stop simulator" "$(body "$R")" "\"$CODE3\":1"
call DELETE /sim/onestop/faults >/dev/null

printf '\nThe walk went through: %s (REST), %s (registry-completed), %s (SOAP), %s (retried).\n' \
  "$CODE" "$CODE2" "$CIVIL_CODE" "$CODE3"
