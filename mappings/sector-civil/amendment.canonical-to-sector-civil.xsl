<?xml version="1.0" encoding="UTF-8"?>
<!-- Canonical amendment (DossierAmendment) -> NhanCapNhatHoSo request payload of the civil-status system (SOAP 1.1,
     PAYLOAD mode). The canonical JSON arrives as parameter amendmentJson and the hub's event id as eventId
     (MaGiaoDich, the civil-status system's idempotency key), both headers set by route
     amendment-delivery-to-sector-civil; the input document is ignored. LoaiCapNhat in the vocabulary of its own
     CapNhatHoSo (sector-civil-dossier.wsdl); dates stay ISO 8601 as in NhanHoSo. -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:ht="urn:lgsp:sector:civil:receive:v1"
                exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <xsl:param name="amendmentJson" as="xs:string"/>
  <xsl:param name="eventId" as="xs:string"/>

  <xsl:variable name="kinds" select="map{'SUPPLEMENT_REQUESTED': 'YEU_CAU_BO_SUNG', 'SUPPLEMENT_RECEIVED': 'NHAN_BO_SUNG',
      'CORRECTION': 'DINH_CHINH', 'WITHDRAWAL': 'RUT_HO_SO', 'CANCELLATION': 'HUY_HO_SO'}"/>

  <xsl:template match="/">
    <xsl:variable name="a" select="parse-json($amendmentJson)"/>
    <ht:NhanCapNhatHoSo>
      <ht:MaGiaoDich><xsl:value-of select="$eventId"/></ht:MaGiaoDich>
      <ht:MaHoSo><xsl:value-of select="$a?dossierCode"/></ht:MaHoSo>
      <ht:LoaiCapNhat><xsl:value-of select="$kinds($a?kind)"/></ht:LoaiCapNhat>
      <ht:ThoiDiem><xsl:value-of select="$a?at"/></ht:ThoiDiem>
      <xsl:if test="exists($a?officer)"><ht:CanBo><xsl:value-of select="$a?officer"/></ht:CanBo></xsl:if>
      <xsl:if test="exists($a?note)"><ht:NoiDung><xsl:value-of select="$a?note"/></ht:NoiDung></xsl:if>
      <xsl:if test="exists($a?supplementNo)"><ht:LanBoSung><xsl:value-of select="$a?supplementNo"/></ht:LanBoSung></xsl:if>
      <xsl:if test="exists($a?dueAt)"><ht:HanTraMoi><xsl:value-of select="$a?dueAt"/></ht:HanTraMoi></xsl:if>
      <xsl:for-each select="$a?documents?*">
        <ht:GiayTo>
          <ht:Ma><xsl:value-of select="?code"/></ht:Ma>
          <ht:Ten><xsl:value-of select="?name"/></ht:Ten>
          <xsl:if test="exists(?url)"><ht:DuongDan><xsl:value-of select="?url"/></ht:DuongDan></xsl:if>
        </ht:GiayTo>
      </xsl:for-each>
      <xsl:variable name="changes" select="$a?changes"/>
      <xsl:for-each select="sort(map:keys($changes))" xmlns:map="http://www.w3.org/2005/xpath-functions/map">
        <ht:ThayDoi>
          <ht:Truong><xsl:value-of select="."/></ht:Truong>
          <ht:GiaTri><xsl:value-of select="$changes(current())"/></ht:GiaTri>
        </ht:ThayDoi>
      </xsl:for-each>
      <ht:HeThongGui><xsl:value-of select="$a?reportedBy"/></ht:HeThongGui>
    </ht:NhanCapNhatHoSo>
  </xsl:template>
</xsl:stylesheet>
