${t("mail.session.subject", cohort)}

${t("mail.hello", name)}

${t("mail.session.body", cohort, item, course)}

${link}

-- 
${t("mail.session.off", baseUrl + "/account#mail")}
Stek<#if org??> · ${org}</#if>
