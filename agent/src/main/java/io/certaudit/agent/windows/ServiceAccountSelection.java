package io.certaudit.agent.windows;

/**
 * How the user named the account whose access is checked: a service ({@code --service-name}, whose logon account
 * and service SID are read from the service control manager), an account ({@code --service-account}), both
 * (the account is checked, with the service's SID), or neither (access checks report that none was configured).
 */
public record ServiceAccountSelection(String serviceName, String accountName) {

    public ServiceAccountSelection {
        serviceName = blankToNull(serviceName);
        accountName = blankToNull(accountName);
    }

    public static ServiceAccountSelection none() {
        return new ServiceAccountSelection(null, null);
    }

    public static ServiceAccountSelection service(String serviceName) {
        return new ServiceAccountSelection(serviceName, null);
    }

    public static ServiceAccountSelection account(String accountName) {
        return new ServiceAccountSelection(null, accountName);
    }

    public boolean isEmpty() {
        return serviceName == null && accountName == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
