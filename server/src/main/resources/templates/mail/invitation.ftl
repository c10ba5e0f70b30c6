${t("mail.invitation.subject", cohort)}

${t("mail.invitation.body", inviter, cohort)}

${link}

${t("mail.invitation.code", code)}
${t("mail.invitation.account")}

-- 
Stek<#if org??> · ${org}</#if>
