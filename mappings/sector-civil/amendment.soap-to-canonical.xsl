<?xml version="1.0" encoding="UTF-8"?>
<!-- Civil-status system's CapNhatHoSo request -> the hub's amendment submission (JSON):
     {dossierCode, kind, supplementNo?, request: {at, officer?, note?, dueAt?, documents?, changes?}}.
     LoaiCapNhat YEU_CAU_BO_SUNG / NHAN_BO_SUNG / DINH_CHINH / RUT_HO_SO / HUY_HO_SO -> SUPPLEMENT_REQUESTED /
     SUPPLEMENT_RECEIVED / CORRECTION / WITHDRAWAL / CANCELLATION; yyyyMMddHHmmss (Asia/Ho_Chi_Minh) -> ISO-8601
     with +07:00; field names of ThayDoi in its vocabulary -> canonical paths (an unknown name passes as it is and
     the hub refuses it, naming it). Optional elements that are absent or empty are left out of the JSON. -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:map="http://www.w3.org/2005/xpath-functions/map"
                xmlns:f="urn:lgsp-hub:mapping-functions"
                xmlns:hs="urn:lgsp:sector:civil:v1"
                exclude-result-prefixes="#all">

  <xsl:output method="json" encoding="UTF-8" indent="no"/>

  <xsl:variable name="kinds" select="map{'YEU_CAU_BO_SUNG': 'SUPPLEMENT_REQUESTED', 'NHAN_BO_SUNG': 'SUPPLEMENT_RECEIVED',
      'DINH_CHINH': 'CORRECTION', 'RUT_HO_SO': 'WITHDRAWAL', 'HUY_HO_SO': 'CANCELLATION'}"/>
  <xsl:variable name="fields" select="map{'TrichYeu': 'summary', 'TenTTHC': 'procedureName',
      'ChuHoSo/HoVaTen': 'applicant.fullName', 'ChuHoSo/DiaChi': 'applicant.address',
      'ChuHoSo/SoDienThoai': 'applicant.phone', 'ChuHoSo/Email': 'applicant.email'}"/>

  <xsl:function name="f:text" as="map(*)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="node" as="element()?"/>
    <xsl:sequence select="if (normalize-space($node) != '') then map{$key: string($node)} else map{}"/>
  </xsl:function>

  <xsl:function name="f:instant" as="map(*)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="node" as="element()?"/>
    <xsl:variable name="v" select="normalize-space($node)"/>
    <xsl:sequence select="if ($v != '')
        then map{$key: concat(substring($v, 1, 4), '-', substring($v, 5, 2), '-', substring($v, 7, 2), 'T',
                              substring($v, 9, 2), ':', substring($v, 11, 2), ':', substring($v, 13, 2), '+07:00')}
        else map{}"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:apply-templates select="hs:CapNhatHoSo/hs:CapNhat"/>
  </xsl:template>

  <xsl:template match="hs:CapNhat">
    <xsl:sequence select="map:merge((
        f:text('dossierCode', hs:MaHoSo),
        map{'kind': $kinds(string(hs:LoaiCapNhat))},
        if (normalize-space(hs:LanBoSung) != '') then map{'supplementNo': xs:integer(hs:LanBoSung)} else map{},
        map{'request': map:merge((
            f:instant('at', hs:ThoiDiem),
            f:text('officer', hs:CanBo),
            f:text('note', hs:NoiDung),
            f:instant('dueAt', hs:HanTraMoi),
            if (hs:GiayTo/hs:TaiLieu) then map{'documents': array{
                for $d in hs:GiayTo/hs:TaiLieu return map:merge((
                    f:text('code', $d/hs:MaThanhPhan),
                    f:text('name', $d/hs:TenTaiLieu),
                    f:text('url', $d/hs:DuongDan),
                    map{'digitized': exists($d/hs:DuocSoHoa) and xs:boolean($d/hs:DuocSoHoa)}))}}
              else map{},
            if (hs:ThayDoi/hs:Truong) then map{'changes': map:merge(
                for $t in hs:ThayDoi/hs:Truong
                return map{(($fields(normalize-space($t/hs:Ten)), normalize-space($t/hs:Ten))[1]): string($t/hs:GiaTri)})}
              else map{}))}
      ))"/>
  </xsl:template>
</xsl:stylesheet>
