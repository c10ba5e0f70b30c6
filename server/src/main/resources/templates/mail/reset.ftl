${t("mail.reset.subject")}

${t("mail.hello", name)}

${t("mail.reset.body")}

${link}

${t("mail.reset.expires", minutes)}
${t("mail.reset.notYou")}

-- 
Stek<#if org??> · ${org}</#if>
