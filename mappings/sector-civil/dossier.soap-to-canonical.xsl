<?xml version="1.0" encoding="UTF-8"?>
<!-- Civil-status system's GuiHoSo request -> the hub's canonical dossier (JSON).
     Dates: yyyyMMdd -> yyyy-MM-dd; yyyyMMddHHmmss (Asia/Ho_Chi_Minh) -> ISO-8601 with +07:00.
     Codes: LoaiDoiTuong 1/2 -> CITIZEN/BUSINESS; KenhThucHien 1/2/3 -> IN_PERSON/ONLINE/POST.
     Optional elements that are absent or empty are left out of the JSON. -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:map="http://www.w3.org/2005/xpath-functions/map"
                xmlns:f="urn:lgsp-hub:mapping-functions"
                xmlns:hs="urn:lgsp:sector:civil:v1"
                exclude-result-prefixes="#all">

  <xsl:output method="json" encoding="UTF-8" indent="no"/>

  <xsl:function name="f:text" as="map(*)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="node" as="element()?"/>
    <xsl:sequence select="if (normalize-space($node) != '') then map{$key: string($node)} else map{}"/>
  </xsl:function>

  <xsl:function name="f:date" as="map(*)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="node" as="element()?"/>
    <xsl:variable name="v" select="normalize-space($node)"/>
    <xsl:sequence select="if ($v != '')
        then map{$key: concat(substring($v, 1, 4), '-', substring($v, 5, 2), '-', substring($v, 7, 2))}
        else map{}"/>
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
    <xsl:apply-templates select="hs:GuiHoSo/hs:HoSo"/>
  </xsl:template>

  <xsl:template match="hs:HoSo">
    <xsl:sequence select="map:merge((
        f:text('dossierCode', hs:MaHoSo),
        f:text('procedureCode', hs:MaTTHC),
        f:text('procedureName', hs:TenTTHC),
        f:text('agencyCode', hs:MaCoQuan),
        f:text('sourceRef', hs:SoHoSoNguon),
        map{'applicant': f:applicant(hs:ChuHoSo)},
        f:text('summary', hs:TrichYeu),
        map{'channel': ('IN_PERSON', 'ONLINE', 'POST')[xs:integer(current()/hs:KenhThucHien)]},
        f:instant('receivedAt', hs:NgayTiepNhan),
        f:instant('dueAt', hs:NgayHenTra),
        if (hs:TaiLieuNop/hs:TaiLieu) then map{'documents': array{
            for $d in hs:TaiLieuNop/hs:TaiLieu return map:merge((
                f:text('code', $d/hs:MaThanhPhan),
                f:text('name', $d/hs:TenTaiLieu),
                f:text('url', $d/hs:DuongDan),
                map{'digitized': exists($d/hs:DuocSoHoa) and xs:boolean($d/hs:DuocSoHoa)}))}}
          else map{},
        if (hs:LePhi/hs:Phi) then map{'fees': array{
            for $p in hs:LePhi/hs:Phi return map:merge((
                f:text('code', $p/hs:MaPhi),
                f:text('name', $p/hs:TenPhi),
                map{'amount': xs:integer($p/hs:SoTien)}))}}
          else map{}
      ))"/>
  </xsl:template>

  <xsl:function name="f:applicant" as="map(*)">
    <xsl:param name="a" as="element()"/>
    <xsl:sequence select="map:merge((
        map{'type': ('CITIZEN', 'BUSINESS')[xs:integer($a/hs:LoaiDoiTuong)]},
        f:text('personalId', $a/hs:SoDinhDanh),
        f:text('enterpriseCode', $a/hs:MaSoDoanhNghiep),
        f:text('fullName', $a/hs:HoVaTen),
        f:date('birthDate', $a/hs:NgaySinh),
        f:text('address', $a/hs:DiaChi),
        f:text('phone', $a/hs:SoDienThoai),
        f:text('email', $a/hs:Email)))"/>
  </xsl:function>
</xsl:stylesheet>
