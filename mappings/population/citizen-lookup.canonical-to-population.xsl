<?xml version="1.0" encoding="UTF-8"?>
<!-- The hub's citizen lookup -> TraCuuThongTinCongDan request payload (SOAP body, PAYLOAD mode).
     The lookup arrives as parameters (Camel headers set by route citizen-lookup-to-population): the request id,
     the personal ID, the officer and agency asking, and the hub's integration account from configuration.
     The input document is ignored. -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:dc="http://dancuquocgia.bca"
                exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <xsl:param name="lookupRequestId" as="xs:string"/>
  <xsl:param name="lookupPersonalId" as="xs:string"/>
  <xsl:param name="lookupOfficerId" as="xs:string"/>
  <xsl:param name="lookupAgencyCode" as="xs:string"/>
  <xsl:param name="lookupServiceCode" as="xs:string" select="''"/>
  <xsl:param name="lookupIntegrationCode" as="xs:string"/>
  <xsl:param name="lookupAccount" as="xs:string"/>

  <xsl:template match="/">
    <dc:TraCuuThongTinCongDan>
      <dc:MaYeuCau><xsl:value-of select="$lookupRequestId"/></dc:MaYeuCau>
      <xsl:if test="$lookupServiceCode != ''">
        <dc:MaDVC><xsl:value-of select="$lookupServiceCode"/></dc:MaDVC>
      </xsl:if>
      <dc:MaTichHop><xsl:value-of select="$lookupIntegrationCode"/></dc:MaTichHop>
      <dc:MaCanBo><xsl:value-of select="$lookupOfficerId"/></dc:MaCanBo>
      <dc:MaDonVi><xsl:value-of select="$lookupAgencyCode"/></dc:MaDonVi>
      <dc:TaiKhoan><xsl:value-of select="$lookupAccount"/></dc:TaiKhoan>
      <dc:SoDinhDanh><xsl:value-of select="$lookupPersonalId"/></dc:SoDinhDanh>
    </dc:TraCuuThongTinCongDan>
  </xsl:template>
</xsl:stylesheet>
